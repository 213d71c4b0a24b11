using Trajeckt.Traj.Graph;
using static Trajeckt.Runtime.Tests.Support.Policies;

namespace Trajeckt.Runtime.Tests;

public sealed class InternalErrorTests
{
    // A graph the loader would never accept: its one transition leads to a state that does not exist.
    private static Commitment Corrupt() => Commitment.FromVerifiedGraph(
        new CompiledGraph("Corrupt", [new GraphTool("a", ToolEffects.None, [], Trust.ToolOutput, null, Trust.TrustedUser)], [], [], null, [true], [0, 1], [0], [3]),
        []);

    [Fact]
    public void A_failure_while_deciding_refuses_the_call_and_never_throws()
    {
        var session = TrajecktSession.Create(Corrupt());
        AssertAllowed(session.Call("a"));
        var refused = session.Call("a");
        AssertRefused(refused, DecisionReason.InternalError);
        Assert.Contains("IndexOutOfRangeException", refused.Message);
        Assert.Equal(2, refused.Step);
    }

    [Fact]
    public void An_internal_error_halts_a_halting_session()
    {
        var session = TrajecktSession.Create(Corrupt(), new TrajecktOptions { OnViolation = ViolationBehavior.Halt });
        session.Call("a");
        AssertRefused(session.Call("a"), DecisionReason.InternalError);
        AssertRefused(session.Call("a"), DecisionReason.Halted);
    }

    [Fact]
    public void A_null_tool_name_is_refused_not_thrown()
    {
        AssertRefused(Session("trajectory T { tool a; }").Begin((string)null!), DecisionReason.UnknownTool);
        AssertRefused(TrajecktSession.Create((Commitment?)null, Uncommitted()).Begin((string)null!), DecisionReason.UnknownTool);
    }
}
