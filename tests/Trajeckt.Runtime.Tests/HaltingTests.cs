using Trajeckt.Runtime.Tests.Support;
using Trajeckt.Traj.Graph;
using static Trajeckt.Runtime.Tests.Support.Policies;

namespace Trajeckt.Runtime.Tests;

public sealed class HaltingTests
{
    private const string Planner = """
        trajectory Planner {
          tool open_ticket;
          tool lookup;
          tool escalate;
          tool save : sink(control);
          plan open_ticket lookup+;
          plan open_ticket escalate _;
        }
        """;

    [Fact]
    public void With_Halt_the_first_refusal_halts_the_session()
    {
        var session = Session(Planner, ViolationBehavior.Halt);
        AssertAllowed(session.Call("open_ticket"));
        AssertRefused(session.Call("open_ticket"), DecisionReason.Transition);
        Assert.True(session.IsHalted);
        var halted = session.Call("lookup");
        AssertRefused(halted, DecisionReason.Halted);
        Assert.Equal("halted: lookup is refused at step 3 because the transition violation at step 2 halted the session", halted.Message);
        AssertRefused(session.Call("nonexistent"), DecisionReason.Halted);
    }

    [Fact]
    public void With_Refuse_a_refusal_does_not_halt()
    {
        var session = Session(Planner);
        AssertRefused(session.Call("lookup"), DecisionReason.Transition);
        Assert.False(session.IsHalted);
        AssertAllowed(session.Call("open_ticket"));
    }

    [Fact]
    public void A_rejected_authorization_is_not_a_violation()
    {
        var session = Session(Planner, ViolationBehavior.Halt);
        Assert.False(session.Authorize("lookup", Trust.TrustedUser).IsAccepted);
        Assert.False(session.IsHalted);
        AssertAllowed(session.Call("open_ticket"));
    }

    [Fact]
    public void Halting_applies_in_heuristic_mode()
    {
        var effects = new Dictionary<string, ToolEffects> { ["shell"] = ToolEffects.Shell, ["post"] = ToolEffects.Egress };
        var session = TrajecktSession.CreateHeuristic(effects, Uncommitted(ViolationBehavior.Halt));
        AssertAllowed(session.Call("shell"));
        AssertRefused(session.Call("post"), DecisionReason.Heuristic);
        AssertRefused(session.Call("anything"), DecisionReason.Halted);
    }

    [Fact]
    public void No_commitment_comes_before_halted()
    {
        var session = TrajecktSession.Create((Commitment?)null, new TrajecktOptions { OnViolation = ViolationBehavior.Halt });
        AssertRefused(session.Call("a"), DecisionReason.NoCommitment);
        AssertRefused(session.Call("a"), DecisionReason.NoCommitment);
    }
}
