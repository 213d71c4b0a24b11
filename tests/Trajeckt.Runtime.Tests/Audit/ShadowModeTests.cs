using Trajeckt.Audit;
using Trajeckt.Replay;
using Trajeckt.Runtime.Tests.Support;
using Trajeckt.Sealing;
using Trajeckt.Traj;

namespace Trajeckt.Runtime.Tests.Audit;

/// <summary>Shadow mode: decided as in enforcement, run anyway, and the state a would-refused call leaves.</summary>
public sealed class ShadowModeTests
{
    // Also the policy of ShadowVisibilityTests.
    internal const string Policy = """
        trajectory T {
          tool read_ticket;
          tool read_customer : sensitive(customer-pii);
          tool reply : sink(external);
          tool send_email : sink(external);
          plan read_ticket (reply | send_email)*;
          flow customer-pii -> reply;
        }
        """;

    [Fact]
    public void Shadow_is_off_unless_set()
    {
        Assert.False(new TrajecktOptions().Shadow);
        Assert.False(Policies.Session(Policy).IsShadow);
    }

    [Fact]
    public void An_off_plan_call_runs_keeps_the_frontier_and_its_read_taints_the_session()
    {
        var session = TrajecktSession.Create(Policies.Compile(Policy), new TrajecktOptions { Shadow = true });
        Assert.True(session.IsShadow);

        Assert.False(session.Begin("read_ticket").WouldRefuse);
        // read_customer is off the plan: enforcement refuses it (transition); shadow lets it run.
        var read = session.Begin("read_customer");
        Assert.True(read.IsAllowed);
        Assert.Equal(DecisionReason.Transition, read.WouldRefuseReason);
        Assert.StartsWith("shadow: would refuse: ", read.Message, StringComparison.Ordinal);

        // The frontier stayed after read_ticket, so the plan still judges what follows...
        var reply = session.Begin("reply");
        Assert.True(reply.IsAllowed);
        Assert.False(reply.WouldRefuse);
        // ...and the customer data really entered the context: sending it out would be refused for the flow.
        var send = session.Begin("send_email");
        Assert.True(send.IsAllowed);
        Assert.Equal(DecisionReason.Flow, send.WouldRefuseReason);
    }

    [Fact]
    public void A_session_without_a_usable_commitment_still_refuses_in_shadow_mode()
    {
        var session = TrajecktSession.Create((Commitment?)null, new TrajecktOptions { Shadow = true });
        var decision = session.Begin("anything");
        Assert.False(decision.IsAllowed);
        Assert.Equal(DecisionReason.NoCommitment, decision.Reason);
        Assert.False(decision.WouldRefuse);
    }

    [Fact]
    public void A_shadow_log_replays_unchanged()
    {
        var folder = Path.Combine(Path.GetTempPath(), "trajeckt-shadow-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var key = OperatorKeyPair.Generate();
            using (var log = new DecisionLog(new FileDecisionLogSink(folder), key))
            {
                var session = TrajecktSession.Create(Policies.Compile(Policy), new TrajecktOptions { Shadow = true, DecisionLog = log });
                session.Call("read_ticket");
                session.Call("read_customer");
                session.Call("reply");
                session.Call("send_email");
            }
            var path = Directory.GetFiles(folder).Single();
            var text = File.ReadAllText(path);
            Assert.Contains("\"call\":\"read_customer\",\"expect\":\"deny\",\"reason\":\"transition\",\"shadow\":true", text);
            var trajectory = TrajCompiler.Compile(Policy, "t.traj").Trajectories[0];
            var results = new TraceRunner(trajectory).RunFile(path).ToList();
            Assert.All(results, r => Assert.True(r.ExpectationHeld, $"step {r.Step}: expected {r.Expected}, got {r.Actual}"));
            Assert.Equal(["allow", "deny", "allow", "deny"], results.Select(r => r.DecisionName));
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
