using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Semantics;

namespace Trajeckt.Traj.Tests.Semantics;

/// <summary>One step of checks 5 to 7 over a static session state, on the design's example policy.</summary>
public class StaticStepperTests
{
    private const string Support = """
        trajectory Support {
          tool read_ticket;
          tool read_customer : sensitive(customer-pii);
          tool read_secret   : sensitive(secret);
          tool fetch_url     : origin(Untrusted), egress;
          tool save_memory   : sink(control);
          tool send_email    : sink(external);

          plan read_ticket (read_customer | read_secret | fetch_url)* (send_email | save_memory)?;
          flow customer-pii -> send_email;
          floor ToolOutput for send_email;
        }
        """;

    private static readonly CompiledGraph s_graph = Compile();

    private static CompiledGraph Compile()
    {
        var compilation = TrajCompiler.Compile(Support, "support.traj");
        Assert.True(compilation.Success, string.Join(Environment.NewLine, compilation.Diagnostics));
        return compilation.Trajectories[0].Graph;
    }

    private static int Tool(string name) => s_graph.TryGetToolIndex(name, out var index) ? index : throw new ArgumentException(name);

    private static StaticStep Run(params string[] tools)
    {
        var state = StaticSessionState.Initial;
        StaticStep step = default;
        foreach (var tool in tools)
        {
            step = StaticStepper.Step(s_graph, state, Tool(tool));
            if (!step.IsAllowed)
                return step;
            state = step.Next!;
        }
        return step;
    }

    [Fact]
    public void A_call_the_plan_allows_advances_the_frontier()
    {
        var step = StaticStepper.Step(s_graph, StaticSessionState.Initial, Tool("read_ticket"));
        Assert.True(step.IsAllowed);
        Assert.Equal(s_graph.GetTransition(0, Tool("read_ticket")), step.Next!.Frontier);
    }

    [Fact]
    public void A_call_the_plan_does_not_allow_is_a_transition_refusal() =>
        Assert.Equal(StaticRefusal.Transition, Run("read_customer").Refusal);

    [Fact]
    public void A_declared_label_joins_the_taint_and_a_label_without_a_flow_is_refused_at_the_sink()
    {
        Assert.True(Run("read_ticket", "read_customer", "send_email").IsAllowed);
        var step = Run("read_ticket", "read_secret", "send_email");
        Assert.Equal(StaticRefusal.Flow, step.Refusal);
        Assert.True(s_graph.TryGetLabelIndex("secret", out var secret));
        Assert.Equal(secret, step.Label);
    }

    [Fact]
    public void A_tool_origin_lowers_integrity_below_the_floor() =>
        Assert.Equal(StaticRefusal.Floor, Run("read_ticket", "fetch_url", "send_email").Refusal);

    [Fact]
    public void An_input_lowers_integrity_below_a_control_sink_default_floor()
    {
        var afterTicket = Run("read_ticket").Next!;
        Assert.True(StaticStepper.Step(s_graph, afterTicket.AfterInput(Trust.External), Tool("save_memory")).IsAllowed);
        Assert.Equal(StaticRefusal.Floor, StaticStepper.Step(s_graph, afterTicket.AfterInput(Trust.Memory), Tool("save_memory")).Refusal);
    }

    [Fact]
    public void A_possibly_pending_authorization_means_no_floor_refusal()
    {
        var state = new StaticSessionState(1, [], Trust.Untrusted, authorizationMayBePending: true);
        Assert.True(StaticStepper.Step(s_graph, state, Tool("send_email")).IsAllowed);
        Assert.Equal(StaticRefusal.Floor, StaticStepper.Step(s_graph, new StaticSessionState(1, [], Trust.Untrusted, false), Tool("send_email")).Refusal);
    }

    [Fact]
    public void Checks_run_in_the_design_order_transition_before_flow_before_floor()
    {
        Assert.True(s_graph.TryGetLabelIndex("secret", out var secret));
        var tainted = new StaticSessionState(0, [secret], Trust.Untrusted, false);
        Assert.Equal(StaticRefusal.Transition, StaticStepper.Step(s_graph, tainted, Tool("send_email")).Refusal);
        Assert.Equal(StaticRefusal.Flow, StaticStepper.Step(s_graph, tainted.WithFrontier(1), Tool("send_email")).Refusal);
    }

    [Fact]
    public void States_are_equal_by_value_whatever_the_taint_order()
    {
        Assert.Equal(new StaticSessionState(2, [3, 1, 3], Trust.External, true), new StaticSessionState(2, [1, 3], Trust.External, true));
        Assert.NotEqual(new StaticSessionState(2, [1], Trust.External, true), new StaticSessionState(2, [1], Trust.External, false));
        Assert.Equal(new StaticSessionState(2, [1, 3], Trust.External, true).GetHashCode(), new StaticSessionState(2, [3, 1], Trust.External, true).GetHashCode());
    }

    [Fact]
    public void Out_of_range_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StaticStepper.Step(s_graph, StaticSessionState.Initial, s_graph.Tools.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => StaticStepper.Step(s_graph, new StaticSessionState(s_graph.StateCount, [], Trust.TrustedUser, false), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StaticSessionState(0, [-1], Trust.TrustedUser, false));
    }
}
