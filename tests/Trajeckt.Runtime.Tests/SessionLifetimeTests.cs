using Microsoft.Extensions.Logging;
using Trajeckt.Interception;
using Trajeckt.Traj;
using static Trajeckt.Runtime.Tests.Support.Policies;

namespace Trajeckt.Runtime.Tests;

/// <summary>Ending a session: <c>using var session = ...BeginSession()</c>, docs/runtime.md "Ending a session".</summary>
public sealed class SessionLifetimeTests
{
    private const string Policy = "trajectory T { tool read : sensitive(pii); tool send : sink(external); tool save : sink(control); }";

    [Fact]
    public void Every_call_after_dispose_is_refused_session_ended_and_its_tool_never_runs()
    {
        var session = Session(Policy);
        AssertAllowed(session.Call("send"));

        session.Dispose();

        Assert.True(session.IsEnded);
        var refused = session.Call("send");
        AssertRefused(refused, DecisionReason.SessionEnded);
        Assert.Equal("session_ended", refused.Code);
        Assert.Equal(2, refused.Step);
        Assert.Equal("session_ended: send is refused at step 2 because the session ended after step 1 (it was disposed); begin a new session for further calls", refused.Message);
        Assert.True(session.Commitment!.TryGetToolId("read", out var read));
        AssertRefused(session.Begin(read), DecisionReason.SessionEnded);
        var ran = false;
        var thrown = Assert.Throws<TrajectoryViolationException>(() => session.Invoke("read", () => ran = true));
        Assert.Equal(DecisionReason.SessionEnded, thrown.Reason);
        Assert.False(ran);
    }

    [Fact]
    public async Task An_async_tool_after_dispose_is_refused_before_it_starts()
    {
        var session = Session(Policy);
        session.Dispose();
        var started = false;

        var thrown = await Assert.ThrowsAsync<TrajectoryViolationException>(() => session.InvokeAsync("read", () => { started = true; return Task.FromResult(1); }));

        Assert.Equal(DecisionReason.SessionEnded, thrown.Reason);
        Assert.False(started);
    }

    [Fact]
    public void Sessions_of_every_kind_refuse_session_ended_once_ended()
    {
        var uncommitted = TrajecktSession.Create((Commitment?)null);
        var heuristic = TrajecktSession.Create((Commitment?)null, Uncommitted());
        var failed = TrajecktSession.Create(CommitmentLoadResult.Failure(DecisionReason.SealInvalid, "tampered"));
        foreach (var session in new[] { uncommitted, heuristic, failed })
        {
            session.Dispose();
            AssertRefused(session.Call("read"), DecisionReason.SessionEnded);
        }
    }

    [Fact]
    public void Authorizations_after_dispose_are_rejected()
    {
        var session = Session(Policy);
        session.Dispose();

        var rejected = session.Authorize("save", Trust.TrustedUser);

        Assert.False(rejected.IsAccepted);
        Assert.Equal(DecisionReason.AuthorizationRejected, rejected.Reason);
        Assert.Equal("authorization rejected: the session ended after step 0 (it was disposed), so it authorizes nothing.", rejected.Message);
    }

    [Fact]
    public void Ending_is_not_a_violation_and_does_not_halt()
    {
        var session = Session(Policy, ViolationBehavior.Halt);
        session.Dispose();

        AssertRefused(session.Call("read"), DecisionReason.SessionEnded);
        AssertRefused(session.Call("read"), DecisionReason.SessionEnded);
        Assert.False(session.IsHalted);
    }

    [Fact]
    public void A_call_allowed_before_the_end_still_completes_after_it()
    {
        var session = Session(Policy);
        var read = session.Call("read");

        session.Dispose();
        session.Complete(in read);

        Assert.Equal([DecisionReason.None], session.GetRecentDecisions().Select(d => d.Reason));
    }

    [Fact]
    public void Disposing_twice_ends_once_and_logs_the_end_once()
    {
        var provider = new AuditTests.RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        var session = TrajecktSession.Create(Compile(Policy), null, factory);
        session.Call("read");

        session.Dispose();
        session.Dispose();

        var ended = Assert.Single(provider.Entries, e => e.EventId.Id == 8);
        Assert.Equal("SessionEnded", ended.EventId.Name);
        Assert.Equal(LogLevel.Information, ended.Level);
        Assert.Equal($"Session {session.Id} ended after step 1; every later call is refused", ended.Message);
        AssertRefused(session.Call("read"), DecisionReason.SessionEnded);
    }

    [Fact]
    public void Using_var_ends_the_session_at_the_end_of_the_scope()
    {
        TrajecktSession escaped;
        {
            using var session = Session(Policy);
            escaped = session;
            AssertAllowed(session.Call("read"));
        }

        AssertRefused(escaped.Call("read"), DecisionReason.SessionEnded);
    }

    [Fact]
    public void Ending_a_BeginSession_restores_the_session_that_was_current_before()
    {
        var outer = Session(Policy);
        using (outer.Enter())
        {
            var first = Begin();
            Assert.Same(first, TrajecktSession.Current);
            var nested = Begin();
            Assert.Same(nested, TrajecktSession.Current);

            nested.Dispose();
            Assert.Same(first, TrajecktSession.Current);
            first.Dispose();
            Assert.Same(outer, TrajecktSession.Current);
            first.Dispose();
            Assert.Same(outer, TrajecktSession.Current);
        }
        Assert.Null(TrajecktSession.Current);
    }

    [Fact]
    public void Ending_a_session_out_of_order_leaves_the_newer_current_session_in_place()
    {
        var first = Begin();
        var second = Begin();

        first.Dispose();
        Assert.Same(second, TrajecktSession.Current);

        // The newer one restores what it found, the ended first one, which refuses: never an allow.
        second.Dispose();
        Assert.Same(first, TrajecktSession.Current);
        AssertRefused(TrajecktSession.Current!.Call("read"), DecisionReason.SessionEnded);
        TrajecktSession.SetCurrent(null);
    }

    [Fact]
    public void A_session_made_with_Create_changes_no_ambient_session_when_disposed()
    {
        var entered = Session(Policy);
        var other = Session(Policy);
        using (entered.Enter())
        {
            other.Dispose();
            Assert.Same(entered, TrajecktSession.Current);
        }
    }

    [Fact]
    public async Task An_async_flow_ends_its_own_session_and_the_caller_keeps_its_current_session()
    {
        var outer = Session(Policy);
        TrajecktSession? inside = null;
        using (outer.Enter())
        {
            async Task RunAgent()
            {
                using var session = Begin();
                inside = session;
                await Task.Yield();
                Assert.Same(session, TrajecktSession.Current);
                session.Dispose();
                Assert.Same(outer, TrajecktSession.Current);
            }

            await RunAgent();
            Assert.Same(outer, TrajecktSession.Current);
        }
        Assert.True(inside!.IsEnded);
    }

    [Fact]
    public async Task Work_started_inside_a_session_that_calls_after_its_end_is_refused()
    {
        var session = Begin();
        var release = new TaskCompletionSource();
        var background = Task.Run(async () =>
        {
            await release.Task;
            return TrajecktSession.Current!.Call("read");
        });
        TrajecktSession.SetCurrent(null);

        session.Dispose();
        release.SetResult();

        AssertRefused(await background, DecisionReason.SessionEnded);
    }

    // What a generated TrajecktGraphs.T.BeginSession() does, for a graph with no seal beside the test: a session
    // that refuses with no_commitment, made current until disposed.
    private static TrajecktSession Begin() =>
        GeneratedCommitment.BeginSession(typeof(SessionLifetimeTests).Assembly, "Lifetime" + Guid.NewGuid().ToString("N"),
            TrajCompiler.Compile(Policy, "t.traj").Trajectories[0].Encoding, null, null);
}
