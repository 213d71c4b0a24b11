using Trajeckt.Runtime.Tests.Support;
using Trajeckt.Sessions;

namespace Trajeckt.Runtime.Tests.Sessions;

public sealed class SessionStateTests
{
    private const string Policy = """
        trajectory T {
          tool read : sensitive(pii);
          tool send : sink(external);
          tool post : sink(external);
          flow pii -> post;
          floor CleanWorkspace for post;
        }
        """;

    private static readonly Commitment s_commitment = Policies.Compile(Policy);

    [Fact]
    public void The_taint_of_a_read_survives_a_snapshot_and_refuses_the_send_after_restore()
    {
        var session = TrajecktSession.Create(s_commitment);
        Policies.AssertAllowed(session.Call("read"));
        var state = session.Snapshot();

        Assert.True(TrajecktSession.TryRestore(s_commitment, state, out var restored, out var error), error);
        var refused = restored.Call("send");
        Policies.AssertRefused(refused, DecisionReason.Flow);
        Assert.Equal("flow: label 'pii' (read by read at step 1) may not reach external sink send", refused.Message);
        Assert.Equal(2, refused.Step);
    }

    [Fact]
    public void Pending_authorizations_integrity_and_the_halted_flag_survive_a_restore()
    {
        var halt = new TrajecktOptions { OnViolation = ViolationBehavior.Halt };
        var session = TrajecktSession.Create(s_commitment, halt);
        session.ObserveInput(Trust.Untrusted);
        Assert.True(session.Authorize("post", Trust.TrustedUser).IsAccepted);
        Assert.True(TrajecktSession.TryRestore(s_commitment, session.Snapshot(), out var restored, out _, halt));
        Policies.AssertAllowed(restored.Call("post"));
        Policies.AssertRefused(restored.Call("post"), DecisionReason.Floor);
        Assert.True(restored.IsHalted);

        // Halted is state, not an option: a session restored under the default options stays halted.
        Assert.True(TrajecktSession.TryRestore(s_commitment, restored.Snapshot(), out var again, out _));
        Assert.True(again.IsHalted);
        Policies.AssertRefused(again.Call("read"), DecisionReason.Halted);
    }

    [Fact]
    public void An_idle_state_is_small_and_its_version_counts_every_change()
    {
        var session = TrajecktSession.Create(s_commitment);
        Assert.Equal(0, session.StateVersion);
        var idle = session.Snapshot();
        Assert.True(idle.Length <= 64, $"{idle.Length} bytes");
        session.Call("read");
        Assert.Equal(1, session.StateVersion);
        session.Call("read", Trust.External, "pii");
        Assert.Equal(3, session.StateVersion);
    }

    [Fact]
    public void A_state_of_another_commitment_is_refused()
    {
        var other = Policies.Compile(Policy.Replace("tool send", "tool mail", StringComparison.Ordinal));
        var state = TrajecktSession.Create(other).Snapshot();
        Assert.False(TrajecktSession.TryRestore(s_commitment, state, out var session, out var error));
        Assert.Null(session);
        Assert.StartsWith("state_other_commitment: the state belongs to graph ", error);
    }

    [Fact]
    public void A_state_of_an_unknown_format_version_is_refused()
    {
        var state = TrajecktSession.Create(s_commitment).Snapshot();
        state[4] = 2;
        Assert.False(TrajecktSession.TryRestore(s_commitment, state, out _, out var error));
        Assert.Equal("state_version_unknown: format version 2 is unknown (this runtime reads version 1).", error);
    }

    [Fact]
    public void A_truncated_state_is_refused()
    {
        var state = TrajecktSession.Create(s_commitment).Snapshot();
        Assert.False(TrajecktSession.TryRestore(s_commitment, state.AsSpan(0, state.Length - 1), out _, out var error));
        Assert.StartsWith("state_altered: ", error);
    }

    [Fact]
    public void Only_committed_sessions_have_a_state()
    {
        var heuristic = TrajecktSession.CreateHeuristic(new Dictionary<string, Traj.Graph.ToolEffects>(), Policies.Uncommitted());
        Assert.Throws<InvalidOperationException>(() => heuristic.Snapshot());
    }

    [Fact]
    public void A_protected_state_opens_with_any_verification_key_and_not_with_an_unknown_one()
    {
        var old = SessionStateKey.Generate("2026-11");
        var current = SessionStateKey.Generate("2026-12");
        var state = TrajecktSession.Create(s_commitment).Snapshot();
        var signedByOld = new SessionStateProtector(old).Protect(state);

        var rotating = new SessionStateProtector(current, [old]);
        Assert.True(rotating.TryUnprotect(signedByOld, out var opened, out _));
        Assert.Equal(state, opened);
        Assert.True(rotating.TryUnprotect(rotating.Protect(state), out _, out _));

        var retired = new SessionStateProtector(current);
        Assert.False(retired.TryUnprotect(signedByOld, out _, out var error));
        Assert.Equal("state_unauthenticated: the state was signed with key '2026-11', which is not a verification key here.", error);

        var sameIdOtherSecret = new SessionStateProtector(SessionStateKey.Generate("2026-11"));
        Assert.False(sameIdOtherSecret.TryUnprotect(signedByOld, out _, out error));
        Assert.StartsWith("state_unauthenticated: the state's MAC does not verify", error);
    }

    [Fact]
    public void Keys_must_be_long_enough_and_named()
    {
        Assert.Throws<ArgumentException>(() => new SessionStateKey("k", new byte[31]));
        Assert.Throws<ArgumentException>(() => new SessionStateKey("", new byte[32]));
        Assert.Throws<ArgumentException>(() => new SessionStateKey("a b", new byte[32]));
    }
}
