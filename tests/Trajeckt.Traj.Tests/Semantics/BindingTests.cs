using Trajeckt.Traj.Graph;
using Trajeckt.TestSupport;
using static Trajeckt.Traj.Tests.Semantics.CompileHelpers;

namespace Trajeckt.Traj.Tests.Semantics;

/// <summary>What a checked trajectory compiles to: defaults, floors, flows, and canonical identity.</summary>
public class BindingTests
{
    private const string Support = DesignPolicies.Support;

    [Fact]
    public void Design_example_binds_tools_sorted_with_their_effects_and_defaults()
    {
        var graph = Single(Support).Graph;
        Assert.Equal("Support", graph.Name);
        Assert.Equal(new[] { "fetch_url", "read_customer", "read_ticket", "run_shell", "save_memory", "send_email" }, graph.Tools.Select(t => t.Name));
        Assert.Equal(new[] { "customer-pii" }, graph.Labels);
        Assert.Equal(20, graph.Budget);

        GraphTool Tool(string name) => graph.Tools.Single(t => t.Name == name);
        Assert.Equal(Trust.Untrusted, Tool("fetch_url").Origin);
        Assert.Equal(Trust.ToolOutput, Tool("read_ticket").Origin);
        Assert.Equal(ToolEffects.Sensitive, Tool("read_customer").Effects);
        Assert.Equal(new[] { 0 }, Tool("read_customer").LabelIndices);
        Assert.Equal(Trust.External, Tool("save_memory").Floor);            // default floor of control sinks
        Assert.Equal(Trust.TrustedUser, Tool("save_memory").Authorizer);
        Assert.Equal(Trust.CleanWorkspace, Tool("send_email").Floor);        // floor ... for
        Assert.Null(Tool("run_shell").Floor);
        graph.TryGetToolIndex("send_email", out var send);
        Assert.Equal(new[] { send }, graph.GetFlowTargets(0));
    }

    [Fact]
    public void Plan_is_the_union_of_plan_statements()
    {
        var graph = Single(Support).Graph;
        Assert.True(Accepts(graph, "read_ticket", "read_customer", "fetch_url", "send_email"));
        Assert.True(Accepts(graph, "read_ticket", "save_memory"));
        Assert.False(Viable(graph, "read_ticket", "read_customer", "save_memory"));
        Assert.False(Viable(graph, "run_shell"));
    }

    [Fact]
    public void No_plan_means_any_declared_tool_in_any_order()
    {
        var graph = Single("trajectory T { tool a; tool b; }").Graph;
        Assert.Equal(1, graph.StateCount);
        Assert.True(Accepts(graph, "b", "a", "a", "b"));
    }

    [Fact]
    public void Default_floor_statement_applies_to_control_sinks_only_and_for_overrides_it()
    {
        var graph = Single("trajectory T { tool c : sink(control); tool d : sink(control); tool e; floor Memory; floor TrustedUser for d; }").Graph;
        Assert.Equal(Trust.Memory, graph.Tools[0].Floor);
        Assert.Equal(Trust.TrustedUser, graph.Tools[1].Floor);
        Assert.Null(graph.Tools[2].Floor);
    }

    [Fact]
    public void Labels_without_flows_reach_nothing()
    {
        var graph = Single("trajectory T { tool r : sensitive(b, a); tool s : sink(external); }").Graph;
        Assert.Equal(new[] { "a", "b" }, graph.Labels);
        Assert.Equal(new[] { 0, 1 }, graph.Tools[0].LabelIndices);
        Assert.Empty(graph.GetFlowTargets(0));
        Assert.Empty(graph.GetFlowTargets(1));
    }

    [Theory]
    [InlineData("plan (a | b)*;", "plan (a* b*)*;")]
    [InlineData("plan a+;", "plan a a*;")]
    [InlineData("plan (a | b) | c;", "plan c | (b | a);")]
    [InlineData("plan a; plan b;", "plan b | a;")]
    [InlineData("plan _*;", "")]
    [InlineData("plan a? b;", "plan b | a b;")]
    public void Equivalent_policies_encode_to_identical_bytes(string plansA, string plansB)
    {
        var first = Single($"trajectory T {{ tool a; tool b; tool c; {plansA} }}");
        var second = Single($"trajectory T {{ tool c; tool b; tool a; {plansB} }}");
        Assert.Equal(first.Encoding, second.Encoding);
        Assert.Equal(first.Digest, second.Digest);
    }

    [Fact]
    public void Statement_order_and_quoting_do_not_change_the_digest()
    {
        var first = Single("trajectory T { tool r : sensitive(pii), origin(Memory); tool s : sink(external); flow pii -> s; budget calls 3; }");
        var second = Single("trajectory \"T\" { budget calls 3; flow \"pii\" -> s; tool s : sink(external); tool \"r\" : origin(Memory), sensitive(pii); }");
        Assert.Equal(first.Digest, second.Digest);
    }

    [Fact]
    public void Different_policies_have_different_digests()
    {
        var first = Single("trajectory T { tool a; tool b; plan a b; }");
        var second = Single("trajectory T { tool a; tool b; plan b a; }");
        Assert.NotEqual(first.Digest, second.Digest);
    }

    [Fact]
    public void Encoding_decodes_back_to_the_same_graph()
    {
        var trajectory = Single(Support);
        var decoded = GraphDecoder.Decode(trajectory.Encoding);
        Assert.Equal(trajectory.Encoding, GraphEncoder.Encode(decoded));
    }

    [Fact]
    public void Every_vector_policy_compiles_without_diagnostics()
    {
        var vectors = RepoPaths.AllVectors().ToList();
        Assert.NotEmpty(vectors);
        foreach (var (name, folder) in vectors)
        {
            var path = Path.Combine(folder, "policy.traj");
            var compilation = TrajCompiler.Compile(File.ReadAllText(path), path);
            Assert.True(compilation.Success, name + ": " + string.Join("\n", compilation.Diagnostics));
            Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
            Assert.NotEmpty(compilation.Trajectories);
        }
    }

    private static bool Viable(CompiledGraph graph, params string[] calls) => Run(graph, calls) >= 0;

    private static bool Accepts(CompiledGraph graph, params string[] calls) => Run(graph, calls) is var s && s >= 0 && graph.IsAccepting(s);

    private static int Run(CompiledGraph graph, string[] calls)
    {
        var state = 0;
        foreach (var call in calls)
        {
            Assert.True(graph.TryGetToolIndex(call, out var tool), call);
            state = graph.GetTransition(state, tool);
            if (state < 0)
                return -1;
        }
        return state;
    }
}
