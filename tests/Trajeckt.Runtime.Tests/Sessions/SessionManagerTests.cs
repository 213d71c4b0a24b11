using Trajeckt.Runtime.Tests.Support;
using Trajeckt.Sessions;

namespace Trajeckt.Runtime.Tests.Sessions;

/// <summary>Sessions in a store, decided by two managers ("replicas") sharing it.</summary>
public sealed class SessionManagerTests
{
    private static readonly Commitment s_commitment = Policies.Compile("""
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

    [Fact]
    public async Task A_read_on_one_replica_refuses_the_send_on_the_other()
    {
        var store = new InMemoryTrajecktSessionStore();
        var a = new TrajecktSessionManager(s_commitment, store);
        var b = new TrajecktSessionManager(s_commitment, store);
        Policies.AssertAllowed(await a.BeginAsync("conv-1", "ping"));
        Policies.AssertAllowed(await b.BeginAsync("conv-1", "read"));
        var send = await a.BeginAsync("conv-1", "send");
        Policies.AssertRefused(send, DecisionReason.Flow);
        Assert.Equal(3, send.Step);
        // Another conversation is another session.
        Policies.AssertAllowed(await a.BeginAsync("conv-2", "send"));
    }

    [Fact]
    public async Task Reported_labels_written_by_one_replica_refuse_the_send_on_the_other()
    {
        var store = new InMemoryTrajecktSessionStore();
        var a = new TrajecktSessionManager(s_commitment, store);
        var b = new TrajecktSessionManager(s_commitment, store);
        var ping = await a.BeginAsync("c", "ping");
        await a.CompleteAsync("c", ping, reportedLabels: ["pii"]);
        Policies.AssertRefused(await b.BeginAsync("c", "send"), DecisionReason.Flow);
    }

    [Fact]
    public async Task Two_replicas_racing_spend_the_budget_and_an_authorization_exactly_once()
    {
        for (var round = 0; round < 20; round++)
        {
            var store = new InMemoryTrajecktSessionStore();
            var replicas = new[] { new TrajecktSessionManager(s_commitment, store), new TrajecktSessionManager(s_commitment, store) };
            await replicas[0].ObserveInputAsync("s", Trust.Untrusted);
            Assert.True((await replicas[1].AuthorizeAsync("s", "post", Trust.TrustedUser)).IsAccepted);

            var posts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => replicas[i % 2].BeginAsync("s", "post").AsTask())));
            Assert.Equal(1, posts.Count(d => d.IsAllowed));
            Assert.All(posts.Where(d => !d.IsAllowed), d => Assert.Equal(DecisionReason.Floor, d.Reason));

            var pings = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => replicas[i % 2].BeginAsync("s", "ping").AsTask())));
            Assert.Equal(19, pings.Count(d => d.IsAllowed));
            Assert.All(pings.Where(d => !d.IsAllowed), d => Assert.Equal(DecisionReason.Budget, d.Reason));
        }
    }

    [Fact]
    public async Task A_failing_store_refuses_every_call_and_allows_again_when_it_recovers()
    {
        var store = new FaultyStore(new InMemoryTrajecktSessionStore());
        var manager = new TrajecktSessionManager(s_commitment, store);
        Policies.AssertAllowed(await manager.BeginAsync("s", "read"));

        store.Failing = true;
        var refused = await manager.BeginAsync("s", "ping");
        Policies.AssertRefused(refused, DecisionReason.StoreUnavailable);
        Assert.Contains("the session store failed (IOException: store down)", refused.Message);
        var rejected = await manager.AuthorizeAsync("s", "post", Trust.TrustedUser);
        Assert.False(rejected.IsAccepted);
        Assert.Equal("store_unavailable", rejected.Code);

        store.Failing = false;
        Policies.AssertAllowed(await manager.BeginAsync("s", "ping"));
        Policies.AssertRefused(await manager.BeginAsync("s", "send"), DecisionReason.Flow);
    }

    [Fact]
    public async Task A_store_that_fails_only_on_writes_allows_nothing()
    {
        var store = new FaultyStore(new InMemoryTrajecktSessionStore()) { FailingWrites = true };
        var manager = new TrajecktSessionManager(s_commitment, store);
        Policies.AssertRefused(await manager.BeginAsync("s", "ping"), DecisionReason.StoreUnavailable);
    }

    [Fact]
    public async Task A_store_that_never_answers_is_refused_after_the_timeout()
    {
        var store = new FaultyStore(new InMemoryTrajecktSessionStore()) { Hanging = true };
        var manager = new TrajecktSessionManager(s_commitment, store, new TrajecktSessionManagerOptions { Timeout = TimeSpan.FromMilliseconds(100) });
        var refused = await manager.BeginAsync("s", "ping");
        Policies.AssertRefused(refused, DecisionReason.StoreUnavailable);
        Assert.Contains("did not answer within 0.1 s", refused.Message);
    }

    [Fact]
    public async Task A_store_that_always_conflicts_is_refused_after_the_retry_bound()
    {
        var store = new FaultyStore(new InMemoryTrajecktSessionStore()) { Conflicting = true };
        var manager = new TrajecktSessionManager(s_commitment, store, new TrajecktSessionManagerOptions { MaxAttempts = 3 });
        var refused = await manager.BeginAsync("s", "ping");
        Policies.AssertRefused(refused, DecisionReason.StoreUnavailable);
        Assert.Contains("changed during each of 3 attempts", refused.Message);
        Assert.Equal(3, store.Writes);
    }

    [Fact]
    public async Task An_output_that_could_not_be_stored_is_stored_before_the_next_decision()
    {
        var store = new FaultyStore(new InMemoryTrajecktSessionStore());
        var manager = new TrajecktSessionManager(s_commitment, store);
        var ping = await manager.BeginAsync("s", "ping");
        store.Failing = true;
        await Assert.ThrowsAsync<SessionStoreException>(() => manager.CompleteAsync("s", ping, reportedLabels: ["pii"]).AsTask());
        store.Failing = false;
        Policies.AssertRefused(await manager.BeginAsync("s", "send"), DecisionReason.Flow);
        // The kept output is now in the store: another replica sees it too.
        Policies.AssertRefused(await new TrajecktSessionManager(s_commitment, store).BeginAsync("s", "send"), DecisionReason.Flow);
    }

    [Fact]
    public async Task A_stored_state_that_was_altered_or_of_another_graph_refuses_with_state_invalid()
    {
        var store = new InMemoryTrajecktSessionStore();
        var manager = new TrajecktSessionManager(s_commitment, store);
        await manager.BeginAsync("s", "read");
        var stored = (await store.LoadAsync("s"))!;
        var altered = stored.State.ToArray();
        altered[^10] ^= 1;
        Assert.True(store.Remove("s"));
        Assert.True(await store.TryReplaceAsync("s", 0, new StoredSessionState(stored.Version, altered)));
        var refused = await manager.BeginAsync("s", "ping");
        Policies.AssertRefused(refused, DecisionReason.StateInvalid);
        Assert.Contains("state_altered", refused.Message);
    }

    [Fact]
    public async Task Importing_a_replayed_older_state_is_refused()
    {
        var store = new InMemoryTrajecktSessionStore();
        var manager = new TrajecktSessionManager(s_commitment, store);
        var clean = TrajecktSession.Create(s_commitment);
        clean.Call("ping");
        var old = clean.Snapshot();
        Assert.Null(await manager.ImportAsync("s", old));
        Assert.Null(await manager.ImportAsync("s", old));
        await manager.BeginAsync("s", "read");

        var error = await manager.ImportAsync("s", old);
        Assert.Equal("state_replayed: the store holds version 2 of session 's', so version 1 is stale or forked.", error);
        Policies.AssertRefused(await manager.BeginAsync("s", "send"), DecisionReason.Flow);
    }

    [Fact]
    public async Task A_started_session_whose_state_is_lost_refuses_instead_of_starting_fresh()
    {
        var store = new InMemoryTrajecktSessionStore();
        var options = new TrajecktSessionManagerOptions { RequireStartedSessions = true };
        var a = new TrajecktSessionManager(s_commitment, store, options);
        var b = new TrajecktSessionManager(s_commitment, store, options);
        Assert.True(await a.StartAsync("s"));
        Assert.False(await b.StartAsync("s"));
        Assert.Equal(1, (await store.LoadAsync("s"))!.Version);
        Policies.AssertAllowed(await b.BeginAsync("s", "read"));
        Policies.AssertRefused(await a.BeginAsync("s", "send"), DecisionReason.Flow);

        // Lost (expired, evicted, a store restarted empty): the taint of the read must not vanish with it.
        Assert.True(store.Remove("s"));
        var refused = await a.BeginAsync("s", "send");
        Policies.AssertRefused(refused, DecisionReason.StateInvalid);
        Assert.Contains("no state is stored", refused.Message);
        Policies.AssertRefused(await b.BeginAsync("never-started", "ping"), DecisionReason.StateInvalid);
        Assert.Equal(0, store.Count);
    }

    private sealed class FaultyStore(ITrajecktSessionStore inner) : ITrajecktSessionStore
    {
        public bool Failing { get; set; }

        public bool FailingWrites { get; set; }

        public bool Hanging { get; set; }

        public bool Conflicting { get; set; }

        public int Writes { get; private set; }

        public async ValueTask<StoredSessionState?> LoadAsync(string sessionKey, CancellationToken cancellationToken = default)
        {
            if (Hanging)
                await Task.Delay(Timeout.Infinite, cancellationToken);
            return Failing ? throw new IOException("store down") : await inner.LoadAsync(sessionKey, cancellationToken);
        }

        public ValueTask<bool> TryReplaceAsync(string sessionKey, long expectedVersion, StoredSessionState state, CancellationToken cancellationToken = default)
        {
            Writes++;
            if (Failing || FailingWrites)
                throw new IOException("store down");
            return Conflicting ? ValueTask.FromResult(false) : inner.TryReplaceAsync(sessionKey, expectedVersion, state, cancellationToken);
        }
    }
}
