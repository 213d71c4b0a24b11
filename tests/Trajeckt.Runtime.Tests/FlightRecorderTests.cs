using Trajeckt.Runtime.Tests.Support;
using static Trajeckt.Runtime.Tests.Support.Policies;

namespace Trajeckt.Runtime.Tests;

public sealed class FlightRecorderTests
{
    [Fact]
    public void The_recorder_keeps_the_last_100_call_decisions_oldest_first()
    {
        var session = Session("trajectory T { tool a; }");
        Assert.Empty(session.GetRecentDecisions());
        session.ObserveInput(Trust.Memory);
        for (var i = 0; i < 150; i++)
            session.Call(i % 10 == 0 ? "nope" : "a");
        var recent = session.GetRecentDecisions();
        Assert.Equal(100, recent.Count);
        Assert.Equal(Enumerable.Range(52, 100).Select(i => (long)i), recent.Select(d => d.Step));
        var refused = recent.Single(d => d.Step == 52);
        Assert.Equal(DecisionReason.UnknownTool, refused.Reason);
        Assert.Equal("nope", refused.ToolName);
        Assert.StartsWith("unknown_tool: nope", refused.Message);
        var allowed = recent.Single(d => d.Step == 53);
        Assert.True(allowed.IsAllowed);
        Assert.Equal("a", allowed.ToolName);
        Assert.Null(allowed.Message);
    }

    [Fact]
    public void Heuristic_sessions_record_the_names_callers_gave()
    {
        var session = TrajecktSession.CreateHeuristic(new Dictionary<string, Traj.Graph.ToolEffects>(), Uncommitted());
        session.Call("anything");
        Assert.Equal("anything", Assert.Single(session.GetRecentDecisions()).ToolName);
    }

    [Fact]
    public void A_snapshot_does_not_change_with_later_decisions()
    {
        var session = Session("trajectory T { tool a; }");
        session.Call("a");
        var snapshot = session.GetRecentDecisions();
        session.Call("a");
        Assert.Single(snapshot);
        Assert.Equal(2, session.GetRecentDecisions().Count);
    }
}
