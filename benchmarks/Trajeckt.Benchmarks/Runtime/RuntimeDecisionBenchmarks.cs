using BenchmarkDotNet.Attributes;
using Trajeckt.TestSupport.Reference;

namespace Trajeckt.Benchmarks.Runtime;

/// <summary>
/// The allowed path (Begin + Complete of a flow-restricted sink, every check evaluated) on graphs of
/// 10 to 10,000 tools after 10 or 100,000 earlier calls, against the naive reference model that
/// re-reads the whole history for each decision. Target: at most 50 ns and 0 B, flat in history.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RuntimeDecisionBenchmarks
{
    private TrajecktSession _session = null!;
    private ToolId _sink;
    private string _sinkName = string.Empty;
    private ReferenceSession _reference = null!;
    private List<ReferenceEvent> _history = null!;
    private List<ReferenceOutcome> _outcomes = null!;

    [Params(10, 1_000, 10_000)]
    public int Tools { get; set; }

    [Params(10, 100_000)]
    public int History { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var graph = BenchmarkGraphs.Create(Tools);
        var commitment = Commitment.FromVerifiedGraph(graph, [0]);
        _session = TrajecktSession.Create(commitment);
        if (!commitment.TryGetToolId(BenchmarkGraphs.Name(BenchmarkGraphs.AllowedSink), out _sink))
            throw new InvalidOperationException("the sink is not declared");
        _sinkName = _sink.Name!;

        _history = new List<ReferenceEvent>(History + 1);
        for (var i = 0; i < History; i++)
        {
            var tool = i == 0 ? BenchmarkGraphs.Reader : 4 + (i % (Tools - 4));
            _history.Add(new CallEvent(BenchmarkGraphs.Name(tool)));
            var decision = _session.Begin(BenchmarkGraphs.Name(tool));
            if (!decision.IsAllowed)
                throw new InvalidOperationException(decision.Message);
            _session.Complete(in decision);
        }
        // Every history call is allowed by construction; the reference evaluates only the new call.
        _outcomes = Enumerable.Range(1, History).Select(step => new ReferenceOutcome(step, true, null)).ToList();
        _history.Add(new CallEvent(_sinkName));
        _reference = ReferenceSession.Committed(graph, halt: false);
    }

    [Benchmark(Baseline = true)]
    public bool NaiveReference() => ReferenceModel.EvaluateAt(_reference, _history, _outcomes, History).Allowed;

    [Benchmark]
    public bool Allowed()
    {
        var decision = _session.Begin(_sink);
        _session.Complete(in decision);
        return decision.IsAllowed;
    }

    [Benchmark]
    public bool AllowedByName()
    {
        var decision = _session.Begin(_sinkName);
        _session.Complete(in decision);
        return decision.IsAllowed;
    }
}
