using Trajeckt.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Trajeckt.Redis;
using Trajeckt.Sessions;
using Trajeckt.Traj;

namespace Trajeckt.Redis.Tests;

/// <summary>Two replicas (two containers, each with its own Redis connection) sharing one real redis-server.</summary>
public sealed class RedisStoreTests
{
    private static readonly Commitment s_commitment = Compile("""
        trajectory T {
          tool read : sensitive(pii);
          tool send : sink(external);
          tool post : sink(external);
          tool ping;
          flow pii -> post;
          floor CleanWorkspace for post;
          budget calls 20;
        }
        """);

    [Theory]
    [InlineData(RedisCompareAndSet.Script)]
    [InlineData(RedisCompareAndSet.Transaction)]
    public async Task A_conversation_over_three_requests_on_two_replicas_refuses_the_exfiltration(RedisCompareAndSet mode)
    {
        using var redis = new RedisServer();
        using var a = Replica(redis, mode);
        using var b = Replica(redis, mode);
        var key = "conv-" + Guid.NewGuid().ToString("N");
        Assert.True((await Manager(a).BeginAsync(key, "ping")).IsAllowed);
        Assert.True((await Manager(b).BeginAsync(key, "read")).IsAllowed);
        var send = await Manager(a).BeginAsync(key, "send");
        Assert.Equal(DecisionReason.Flow, send.Reason);
        // A new user (another key) is a fresh session.
        Assert.True((await Manager(b).BeginAsync("other-" + key, "send")).IsAllowed);
    }

    [Theory]
    [InlineData(RedisCompareAndSet.Script)]
    [InlineData(RedisCompareAndSet.Transaction)]
    public async Task Two_replicas_racing_spend_the_budget_and_an_authorization_exactly_once(RedisCompareAndSet mode)
    {
        using var redis = new RedisServer();
        // Generous bounds: 30 calls race on one session here, and what this test counts is exactness under
        // contention, not the give-up path (which refuses with store_unavailable, tested on its own); on a busy
        // machine 64 attempts in 3 s can run out, and a refusal for want of attempts is not a budget refusal.
        // Likewise the client's 1 s timeout, which a thread pool still growing on 2 cores has been seen to pass.
        var racing = new TrajecktSessionManagerOptions { Timeout = TimeSpan.FromSeconds(60), MaxAttempts = 100_000 };
        var patient = redis.ConfigurationWithTimeout(15_000);
        using var a = Replica(redis, mode, racing, patient);
        using var b = Replica(redis, mode, racing, patient);
        var replicas = new[] { Manager(a), Manager(b) };
        for (var round = 0; round < 10; round++)
        {
            var key = $"race-{round}";
            await replicas[0].ObserveInputAsync(key, Trust.Untrusted);
            Assert.True((await replicas[1].AuthorizeAsync(key, "post", Trust.TrustedUser)).IsAccepted);
            var posts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => replicas[i % 2].BeginAsync(key, "post").AsTask())));
            Assert.All(posts.Where(d => !d.IsAllowed), d => Assert.Equal(DecisionReason.Floor, d.Reason));
            Assert.Equal(1, posts.Count(d => d.IsAllowed));
            var pings = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => replicas[i % 2].BeginAsync(key, "ping").AsTask())));
            Assert.All(pings.Where(d => !d.IsAllowed), d => Assert.Equal(DecisionReason.Budget, d.Reason));
            Assert.Equal(19, pings.Count(d => d.IsAllowed));
        }
    }

    [Fact]
    public async Task Redis_killed_mid_run_refuses_every_call_and_recovers_with_its_state_when_it_returns()
    {
        using var redis = new RedisServer();
        using var a = Replica(redis, RedisCompareAndSet.Script);
        var manager = Manager(a);
        Assert.True((await manager.BeginAsync("s", "ping")).IsAllowed);

        redis.Stop();
        for (var i = 0; i < 3; i++)
        {
            var refused = await manager.BeginAsync("s", "ping");
            Assert.False(refused.IsAllowed);
            Assert.Equal(DecisionReason.StoreUnavailable, refused.Reason);
        }

        // No persistence: a restarted Redis is empty, so the session starts again (docs/scaling.md).
        redis.Start();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        Decision decision;
        do
        {
            decision = await manager.BeginAsync("s", "read");
        }
        while (!decision.IsAllowed && DateTime.UtcNow < deadline);
        Assert.True(decision.IsAllowed, decision.Message);
        Assert.Equal(DecisionReason.Flow, (await manager.BeginAsync("s", "send")).Reason);
    }

    private static ServiceProvider Replica(RedisServer redis, RedisCompareAndSet mode, TrajecktSessionManagerOptions? options = null, string? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddRedisSessionStore(o =>
        {
            o.Configuration = configuration ?? redis.Configuration;
            o.CompareAndSet = mode;
        });
        services.AddSingleton(sp => new TrajecktSessionManager(
            s_commitment,
            sp.GetRequiredService<ITrajecktSessionStore>(),
            options ?? new TrajecktSessionManagerOptions { Timeout = TimeSpan.FromSeconds(3), MaxAttempts = 64 }));
        return services.BuildServiceProvider();
    }

    private static TrajecktSessionManager Manager(ServiceProvider replica) => replica.GetRequiredService<TrajecktSessionManager>();

    private static Commitment Compile(string traj)
    {
        var compilation = TrajCompiler.Compile(traj, "test.traj");
        Assert.True(compilation.Success);
        return Commitment.FromVerifiedGraph(compilation.Trajectories[0].Graph, compilation.Trajectories[0].Encoding);
    }
}
