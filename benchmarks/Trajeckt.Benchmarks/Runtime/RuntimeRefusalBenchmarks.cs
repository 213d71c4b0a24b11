using BenchmarkDotNet.Attributes;

namespace Trajeckt.Benchmarks.Runtime;

/// <summary>The refused path, message included (target: at most 2 us), and the ambient-session lookup.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class RuntimeRefusalBenchmarks
{
    private TrajecktSession _session = null!;
    private ToolId _forbiddenSink;
    private ToolId _controlSink;
    private TrajecktSessionScope _scope;

    [GlobalSetup]
    public void Setup()
    {
        var commitment = Commitment.FromVerifiedGraph(BenchmarkGraphs.Create(10), [0]);
        _session = TrajecktSession.Create(commitment);
        commitment.TryGetToolId(BenchmarkGraphs.Name(BenchmarkGraphs.ForbiddenSink), out _forbiddenSink);
        commitment.TryGetToolId(BenchmarkGraphs.Name(BenchmarkGraphs.ControlSink), out _controlSink);
        _session.Complete(_session.Begin(BenchmarkGraphs.Name(BenchmarkGraphs.Reader)), Trust.Untrusted);
        _scope = _session.Enter();
    }

    [GlobalCleanup]
    public void Cleanup() => _scope.Dispose();

    [Benchmark]
    public DecisionReason RefusedFlow() => _session.Begin(_forbiddenSink).Reason;

    [Benchmark]
    public DecisionReason RefusedFloor() => _session.Begin(_controlSink).Reason;

    [Benchmark]
    public DecisionReason RefusedUnknownTool() => _session.Begin("no_such_tool").Reason;

    [Benchmark]
    public TrajecktSession? AmbientLookup() => TrajecktSession.Current;
}
