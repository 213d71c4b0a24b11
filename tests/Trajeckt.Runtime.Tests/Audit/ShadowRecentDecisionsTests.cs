using Trajeckt.Runtime.Tests.Support;

namespace Trajeckt.Runtime.Tests.Audit;

/// <summary>A shadow session's recent decisions say which calls enforcement would have refused, as the decisions did.</summary>
public sealed class ShadowRecentDecisionsTests
{
    [Fact]
    public void Recent_decisions_keep_the_would_refuse_reason()
    {
        var session = TrajecktSession.Create(Policies.Compile("trajectory T { tool a; tool b; plan a b; }"), new TrajecktOptions { Shadow = true });
        session.Begin("a");
        var offPlan = session.Begin("a");
        Assert.Equal(DecisionReason.Transition, offPlan.WouldRefuseReason);
        session.Begin("b");

        var recent = session.GetRecentDecisions();
        Assert.Equal([DecisionReason.None, DecisionReason.Transition, DecisionReason.None], recent.Select(d => d.WouldRefuseReason));
        Assert.All(recent, d => Assert.True(d.IsAllowed));
        Assert.Equal(offPlan.Message, recent[1].Message);
    }
}
