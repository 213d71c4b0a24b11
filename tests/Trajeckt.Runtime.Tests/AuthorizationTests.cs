using Trajeckt.Runtime.Tests.Support;
using static Trajeckt.Runtime.Tests.Support.Policies;

namespace Trajeckt.Runtime.Tests;

public sealed class AuthorizationTests
{
    private const string Assistant = """
        trajectory Assistant {
          tool read_inbox     : origin(Untrusted);
          tool save_rule      : sink(control);
          tool schedule_task  : sink(control);
          tool post_status;
          floor CleanWorkspace for post_status;
          authorize schedule_task by CleanWorkspace;
        }
        """;

    [Fact]
    public void An_authorization_is_accepted_only_for_a_floored_tool_by_a_trusted_enough_instruction()
    {
        var session = Session(Assistant);
        var accepted = session.Authorize("schedule_task", Trust.CleanWorkspace);
        Assert.True(accepted.IsAccepted);
        Assert.Equal(DecisionReason.None, accepted.Reason);
        Assert.Equal(1, accepted.Step);

        var tooWeak = session.Authorize("save_rule", Trust.CleanWorkspace);
        Assert.False(tooWeak.IsAccepted);
        Assert.Equal(DecisionReason.AuthorizationRejected, tooWeak.Reason);
        Assert.Equal("authorization_rejected", tooWeak.Code);
        Assert.Contains("TrustedUser", tooWeak.Message);

        var noFloor = session.Authorize("read_inbox", Trust.TrustedUser);
        Assert.False(noFloor.IsAccepted);
        Assert.Contains("has no floor", noFloor.Message);

        var undeclared = session.Authorize("format_disk", Trust.TrustedUser);
        Assert.False(undeclared.IsAccepted);
        Assert.Contains("format_disk", undeclared.Message);
        Assert.Equal(4, undeclared.Step);
    }

    [Fact]
    public void An_authorization_is_used_by_one_call_and_several_accumulate()
    {
        var session = Session(Assistant);
        session.Call("read_inbox");
        Assert.True(session.Authorize("save_rule", Trust.TrustedUser).IsAccepted);
        Assert.True(session.Authorize("save_rule", Trust.TrustedUser).IsAccepted);
        AssertAllowed(session.Call("save_rule"));
        AssertAllowed(session.Call("save_rule"));
        AssertRefused(session.Call("save_rule"), DecisionReason.Floor);
    }

    [Fact]
    public void An_authorization_is_not_used_when_integrity_meets_the_floor()
    {
        var session = Session(Assistant);
        Assert.True(session.Authorize("save_rule", Trust.TrustedUser).IsAccepted);
        AssertAllowed(session.Call("save_rule"));
        session.ObserveInput(Trust.Memory);
        AssertAllowed(session.Call("save_rule"));
        AssertRefused(session.Call("save_rule"), DecisionReason.Floor);
    }

    [Fact]
    public void An_authorization_for_one_tool_does_not_pass_another()
    {
        var session = Session(Assistant);
        session.ObserveInput(Trust.Untrusted);
        Assert.True(session.Authorize("schedule_task", Trust.TrustedUser).IsAccepted);
        AssertRefused(session.Call("save_rule"), DecisionReason.Floor);
        AssertAllowed(session.Call("schedule_task"));
    }

    [Fact]
    public void A_refused_call_does_not_use_an_authorization()
    {
        var session = Session("trajectory T { tool a; tool c : sink(control); plan a c; }");
        session.ObserveInput(Trust.Untrusted);
        Assert.True(session.Authorize("c", Trust.TrustedUser).IsAccepted);
        AssertRefused(session.Call("c"), DecisionReason.Transition);
        AssertAllowed(session.Call("a"));
        AssertAllowed(session.Call("c"));
    }

    [Fact]
    public void A_trust_outside_the_lattice_never_authorizes()
    {
        var result = Session(Assistant).Authorize("save_rule", (Trust)200);
        Assert.False(result.IsAccepted);
        Assert.Contains("not a trust level", result.Message);
    }

    [Fact]
    public void Sessions_without_a_graph_reject_every_authorization()
    {
        Assert.False(TrajecktSession.Create((Commitment?)null).Authorize("save_rule", Trust.TrustedUser).IsAccepted);
        var heuristic = TrajecktSession.CreateHeuristic(new Dictionary<string, Traj.Graph.ToolEffects>(), Uncommitted());
        Assert.False(heuristic.Authorize("save_rule", Trust.TrustedUser).IsAccepted);
    }
}
