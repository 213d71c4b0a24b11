using Trajeckt.Interception;
using Trajeckt.Runtime.Tests.Support;

namespace Trajeckt.Runtime.Tests.Interception;

/// <summary>The gate generated interceptors call: the ambient session decides, a refusal throws, nothing fails open.</summary>
public sealed class ToolGateTests
{
    private const string Support = """
        trajectory Support {
          tool read_customer : sensitive(customer-pii);
          tool send_email    : sink(external);
          tool search_kb;
          plan (read_customer | search_kb)* send_email?;
        }
        """;

    [Fact]
    public void With_no_current_session_every_call_is_refused_no_commitment()
    {
        Assert.Null(TrajecktSession.Current);
        var byName = Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin("read_customer"));
        Assert.Equal(DecisionReason.NoCommitment, byName.Reason);
        var bySlot = Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin(new ToolSlot("read_customer", "sensitive(\"customer-pii\")")));
        Assert.Equal(DecisionReason.NoCommitment, bySlot.Reason);
    }

    [Fact]
    public void An_allowed_call_records_its_output_so_the_exfiltration_after_it_is_refused()
    {
        var session = Policies.Session(Support);
        using var scope = session.Enter();
        var read = new ToolSlot("read_customer", "sensitive(\"customer-pii\")");
        var send = new ToolSlot("send_email", "sink(external)");

        ToolGate.Begin(read).Complete();
        var refused = Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin(send));

        Assert.Equal(DecisionReason.Flow, refused.Reason);
        Assert.Equal(2, refused.Decision.Step);
        Assert.Contains("customer-pii", refused.Message);
    }

    [Fact]
    public void A_slot_follows_the_current_session_to_another_commitment()
    {
        // The same tool has index 2 in the first graph and index 0 in the second.
        var first = Policies.Session("trajectory A { tool a; tool b; tool lookup; plan lookup lookup; }");
        var second = Policies.Session("trajectory B { tool lookup; tool z; plan lookup z; }");
        var slot = new ToolSlot("lookup", "none");

        using (first.Enter())
        {
            ToolGate.Begin(slot).Complete();
            ToolGate.Begin(slot).Complete();
            Assert.Equal(DecisionReason.Transition, Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin(slot)).Reason);
        }
        using (second.Enter())
        {
            ToolGate.Begin(slot).Complete();
            Assert.Equal(DecisionReason.Transition, Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin(slot)).Reason);
        }
        Assert.Equal(new[] { "lookup", "lookup", "lookup" }, first.GetRecentDecisions().Select(d => d.ToolName));
        Assert.Equal(new[] { "lookup", "lookup" }, second.GetRecentDecisions().Select(d => d.ToolName));
    }

    [Fact]
    public void A_slot_for_a_tool_the_commitment_does_not_declare_is_refused_unknown_tool()
    {
        using var scope = Policies.Session(Support).Enter();
        var refused = Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin(new ToolSlot("delete_everything", "none")));
        Assert.Equal(DecisionReason.UnknownTool, refused.Reason);
    }

    [Fact]
    public void A_heuristic_session_decides_slots_by_name()
    {
        var session = TrajecktSession.CreateHeuristic(
            new Dictionary<string, Traj.Graph.ToolEffects> { ["read"] = Traj.Graph.ToolEffects.Sensitive, ["post"] = Traj.Graph.ToolEffects.ExternalSink },
            Policies.Uncommitted());
        using var scope = session.Enter();
        ToolGate.Begin(new ToolSlot("read", "none")).Complete();
        Assert.Equal(DecisionReason.Heuristic, Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin(new ToolSlot("post", "none"))).Reason);
    }
}
