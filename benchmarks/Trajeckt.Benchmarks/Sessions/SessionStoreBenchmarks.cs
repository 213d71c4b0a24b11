using BenchmarkDotNet.Attributes;
using StackExchange.Redis;
using Trajeckt.Benchmarks.Runtime;
using Trajeckt.Redis;
using Trajeckt.Sessions;
using Trajeckt.TestSupport;

namespace Trajeckt.Benchmarks.Sessions;

/// <summary>
/// Durable sessions (issue 13, deliverable 6): snapshot and restore of a session that read a label and made
/// 100 calls; one allowed decision through <see cref="TrajecktSessionManager"/> over the in-memory store and over
/// a real redis-server on loopback (Lua-script and WATCH-transaction compare-and-set), against the in-process
/// decision (the baseline, which must stay at most 50 ns and 0 B).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SessionStoreBenchmarks
{
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private Commitment _commitment = null!;
    private TrajecktSession _session = null!;
    private ToolId _sink;
    private byte[] _state = [];
    private TrajecktSessionManager _memory = null!;
    private TrajecktSessionManager _script = null!;
    private TrajecktSessionManager _transaction = null!;

    [GlobalSetup]
    public void Setup()
    {
        _commitment = Commitment.FromVerifiedGraph(BenchmarkGraphs.Create(10), [0]);
        if (!_commitment.TryGetToolId(BenchmarkGraphs.Name(BenchmarkGraphs.AllowedSink), out _sink))
            throw new InvalidOperationException("the sink is not declared");
        _session = TrajecktSession.Create(_commitment);
        Call(BenchmarkGraphs.Reader);
        for (var i = 0; i < 99; i++)
            Call(4 + (i % 6));
        _state = _session.Snapshot();

        _redis = new RedisServer();
        _connection = ConnectionMultiplexer.Connect(_redis.Configuration);
        _memory = new TrajecktSessionManager(_commitment, new InMemoryTrajecktSessionStore());
        _script = Manager(RedisCompareAndSet.Script);
        _transaction = Manager(RedisCompareAndSet.Transaction);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        _redis.Dispose();
    }

    [Benchmark(Baseline = true)]
    public bool InProcessDecision()
    {
        var decision = _session.Begin(_sink);
        _session.Complete(in decision);
        return decision.IsAllowed;
    }

    [Benchmark]
    public byte[] Snapshot() => _session.Snapshot();

    [Benchmark]
    public bool Restore() => TrajecktSession.TryRestore(_commitment, _state, out _, out _);

    [Benchmark]
    public async Task<bool> ManagerInMemoryStore() => (await _memory.BeginAsync("s", _sink)).IsAllowed;

    [Benchmark]
    public async Task<bool> RedisScriptCompareAndSet() => (await _script.BeginAsync("s", _sink)).IsAllowed;

    [Benchmark]
    public async Task<bool> RedisTransactionCompareAndSet() => (await _transaction.BeginAsync("s", _sink)).IsAllowed;

    private void Call(int tool)
    {
        var decision = _session.Begin(BenchmarkGraphs.Name(tool));
        if (!decision.IsAllowed)
            throw new InvalidOperationException(decision.Message);
        _session.Complete(in decision);
    }

    private TrajecktSessionManager Manager(RedisCompareAndSet mode) => new(
        _commitment,
        new RedisTrajecktSessionStore(_connection, new RedisSessionStoreOptions { KeyPrefix = $"bench:{mode}:", CompareAndSet = mode }));
}
