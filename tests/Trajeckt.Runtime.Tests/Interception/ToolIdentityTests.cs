using Trajeckt.Interception;
using Trajeckt.Runtime.Tests.Support;

namespace Trajeckt.Runtime.Tests.Interception;

/// <summary>
/// Tool identity (docs/mediation.md): a call is decided only if the session's graph declares that very tool, the same
/// name with the same effects as the call site was compiled for; any other call is refused unknown_tool, naming both.
/// </summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class ToolIdentityTests
{
    // The app's graph: its own send_report has no effects, and a flow forbids nothing for it.
    private const string App = """
        trajectory App {
          tool read_customer : sensitive(customer-pii);
          tool send_report;
          plan read_customer* send_report*;
        }
        """;

    private const string CustomerPii = "sensitive(\"customer-pii\")";

    [Fact]
    public void A_library_external_sink_does_not_pass_as_the_apps_effect_free_tool_of_the_same_name()
    {
        var session = Policies.Session(App);
        using var scope = session.Enter();
        ToolGate.Begin(new ToolSlot("read_customer", CustomerPii)).Complete();
        var libraryTool = new ToolSlot("send_report", "sink(external)");

        var refused = Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin(libraryTool));

        Assert.Equal(DecisionReason.UnknownTool, refused.Reason);
        Assert.Contains("with effects 'sink(external)'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("trajectory 'App' declares 'send_report' with effects 'none'", refused.Message, StringComparison.Ordinal);
        // The refusal is a decision like any other: recorded, and again on the next call (the mismatch is cached, not forgotten).
        Assert.Equal(DecisionReason.UnknownTool, session.GetRecentDecisions()[^1].Reason);
        Assert.Equal(DecisionReason.UnknownTool, Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin(libraryTool)).Reason);
        // The app's own tool of that name is still allowed.
        ToolGate.Begin(new ToolSlot("send_report", "none")).Complete();
    }

    [Theory]
    [InlineData("sensitive(\"customer-pii\",\"other\")")]
    [InlineData("sensitive(\"customer\")")]
    [InlineData("none")]
    [InlineData("sensitive(\"customer-pii\") origin(Untrusted)")]
    public void Any_other_effects_under_the_same_name_are_refused(string effects)
    {
        using var scope = Policies.Session(App).Enter();

        var refused = Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin(new ToolSlot("read_customer", effects)));

        Assert.Equal(DecisionReason.UnknownTool, refused.Reason);
        Assert.Contains($"'{effects}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"'{CustomerPii}'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_the_graph_does_not_declare_is_refused_with_the_effects_the_call_site_expected()
    {
        using var scope = Policies.Session(App).Enter();

        var refused = Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin(new ToolSlot("wipe_disk", "shell")));

        Assert.Equal(DecisionReason.UnknownTool, refused.Reason);
        Assert.Contains("compiled for a tool 'wipe_disk' with effects 'shell'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("trajectory 'App' declares no tool 'wipe_disk'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_function_gate_of_a_foreign_tool_is_refused_even_when_a_framework_decided_the_name()
    {
        var session = Policies.Session(App);
        using var scope = session.Enter();
        var gate = new object();
        var decision = session.Begin("send_report");
        Assert.True(decision.IsAllowed);

        using (FrameworkDecisions.Enter(session, in decision, gate))
        {
            var refused = Assert.Throws<TrajectoryViolationException>(() => ToolGate.BeginFunction(new ToolSlot("send_report", "sink(external)"), gate));
            Assert.Equal(DecisionReason.UnknownTool, refused.Reason);
        }
        Assert.Equal(DecisionReason.UnknownTool, Assert.Throws<TrajectoryViolationException>(
            () => ToolGate.BeginFunction(new ToolSlot("send_report", "sink(external)"), gate)).Reason);
        session.Complete(in decision);
    }

    [Fact]
    public void The_allowed_path_through_a_slot_allocates_nothing()
    {
        var session = Policies.Session(App);
        using var scope = session.Enter();
        var slot = new ToolSlot("read_customer", CustomerPii);
        for (var i = 0; i < 2000; i++)
            ToolGate.Begin(slot).Complete();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
            ToolGate.Begin(slot).Complete();

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
