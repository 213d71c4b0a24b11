using BenchmarkDotNet.Attributes;
using Trajeckt.Traj.Graph;

namespace Trajeckt.InterceptionBenchmarks;

/// <summary>
/// Issue 4's target: an intercepted call's added cost over a direct call on the allowed path is at most
/// 100 ns and 0 bytes. The session enforces this project's auto-commitment (plan _*), made current the
/// way a generated BeginSession() does; a call with no current session would throw, so a mis-set-up
/// benchmark fails instead of measuring the wrong thing.
/// </summary>
[MemoryDiagnoser]
public class InterceptedCallBenchmarks
{
    private readonly CatalogTools _tools = new();
    private TrajecktSessionScope _scope;

    [GlobalSetup]
    public void Setup()
    {
        var encoding = TrajecktGraphs.Default.Encoding.ToArray();
        var commitment = Commitment.FromVerifiedGraph(GraphDecoder.Decode(encoding), encoding);
        _scope = TrajecktSession.Create(commitment).Enter();
    }

    [GlobalCleanup]
    public void Cleanup() => _scope.Dispose();

    [Benchmark(Baseline = true)]
    public int DirectCall() => _tools.LookupUngated(1);

    [Benchmark]
    public int InterceptedCall() => _tools.Lookup(1);

    [Benchmark]
    public int InterceptedSensitiveRead() => _tools.ReadAccount(1);
}
