using Trajeckt.Runtime.Tests.Support;
using Trajeckt.Traj.Graph;
using static Trajeckt.Runtime.Tests.Support.Policies;

namespace Trajeckt.Runtime.Tests;

public sealed class HeuristicModeTests
{
    private static readonly Dictionary<string, ToolEffects> Effects = new()
    {
        ["read_secrets"] = ToolEffects.Sensitive,
        ["run_shell"] = ToolEffects.Shell,
        ["http_post"] = ToolEffects.Egress,
        ["send_email"] = ToolEffects.ExternalSink,
        ["list_dir"] = ToolEffects.None,
    };

    private static TrajecktSession Heuristic() => TrajecktSession.CreateHeuristic(Effects, Uncommitted());

    [Fact]
    public void External_sink_after_a_sensitive_read_is_refused_at_any_distance()
    {
        var session = Heuristic();
        Assert.True(session.IsHeuristic);
        AssertAllowed(session.Call("send_email"));
        AssertAllowed(session.Call("read_secrets"));
        AssertAllowed(session.Call("list_dir"));
        AssertAllowed(session.Call("list_dir"));
        var refused = session.Call("send_email");
        AssertRefused(refused, DecisionReason.Heuristic);
        Assert.Equal("heuristic: external sink send_email may not run after the sensitive read read_secrets at step 2 (ReadSensitive -> ExternalWrite)", refused.Message);
        AssertAllowed(session.Call("http_post"));
    }

    [Fact]
    public void Egress_after_a_shell_command_is_refused_at_any_distance()
    {
        var session = Heuristic();
        AssertAllowed(session.Call("http_post"));
        AssertAllowed(session.Call("run_shell"));
        AssertAllowed(session.Call("some_unclassified_tool"));
        var refused = session.Call("http_post");
        AssertRefused(refused, DecisionReason.Heuristic);
        Assert.Contains("(ShellExec -> NetworkEgress)", refused.Message);
        AssertAllowed(session.Call("send_email"));
    }

    [Fact]
    public void Unclassified_tools_are_allowed()
    {
        var session = Heuristic();
        AssertAllowed(session.Call("read_secrets"));
        AssertAllowed(session.Call("run_shell"));
        AssertAllowed(session.Call("whatever_this_is"));
    }

    [Fact]
    public void A_refused_sensitive_read_does_not_count()
    {
        var effects = new Dictionary<string, ToolEffects> { ["run_shell"] = ToolEffects.Shell, ["leak"] = ToolEffects.Egress | ToolEffects.Sensitive, ["send"] = ToolEffects.ExternalSink };
        var session = TrajecktSession.CreateHeuristic(effects, Uncommitted());
        AssertAllowed(session.Call("run_shell"));
        AssertRefused(session.Call("leak"), DecisionReason.Heuristic);
        AssertAllowed(session.Call("send"));
    }

    [Fact]
    public void Without_AllowUncommitted_a_session_with_no_graph_refuses_everything()
    {
        var session = TrajecktSession.CreateHeuristic(Effects, new TrajecktOptions());
        Assert.False(session.IsHeuristic);
        var refused = session.Call("list_dir");
        AssertRefused(refused, DecisionReason.NoCommitment);
        Assert.Contains("AllowUncommitted = false", refused.Message);
    }

    [Fact]
    public void Create_without_a_commitment_runs_heuristic_only_when_allowed()
    {
        Assert.True(TrajecktSession.Create((Commitment?)null, Uncommitted()).IsHeuristic);
        AssertRefused(TrajecktSession.Create((Commitment?)null).Call("list_dir"), DecisionReason.NoCommitment);
        AssertRefused(TrajecktSession.Create((Commitment?)null, new TrajecktOptions { RequireCommitment = false }).Call("x"), DecisionReason.NoCommitment);
    }

    [Fact]
    public void The_graph_overload_takes_effects_from_the_declared_tools()
    {
        var graph = Compile("trajectory T { tool read : sensitive(x); tool send : sink(external); plan send; }").Graph;
        var session = TrajecktSession.CreateHeuristic(graph, Uncommitted());
        AssertAllowed(session.Call("read"));
        AssertRefused(session.Call("send"), DecisionReason.Heuristic);
    }
}
