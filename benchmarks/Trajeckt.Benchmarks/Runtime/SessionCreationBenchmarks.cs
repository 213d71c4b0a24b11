using BenchmarkDotNet.Attributes;

namespace Trajeckt.Benchmarks.Runtime;

/// <summary>
/// What a session costs to create (issue 13, deliverable 5): an idle session, and one that made its
/// first call (which creates the flight recorder's smallest rings). Target: at most 300 ns and 200 B
/// for an idle session. The baseline is a bare object allocation, the floor any session pays.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SessionCreationBenchmarks
{
    private Commitment _commitment = null!;
    private ToolId _reader;

    [GlobalSetup]
    public void Setup()
    {
        _commitment = Commitment.FromVerifiedGraph(BenchmarkGraphs.Create(10), [0]);
        if (!_commitment.TryGetToolId(BenchmarkGraphs.Name(BenchmarkGraphs.Reader), out _reader))
            throw new InvalidOperationException("the reader is not declared");
    }

    [Benchmark(Baseline = true)]
    public object BareObject() => new object();

    [Benchmark]
    public TrajecktSession CreateIdle() => TrajecktSession.Create(_commitment);

    [Benchmark]
    public TrajecktSession CreateAndCallOnce()
    {
        var session = TrajecktSession.Create(_commitment);
        var decision = session.Begin(_reader);
        session.Complete(in decision);
        return session;
    }
}
