using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Tests.GraphFormat;

/// <summary>The canonical text of a tool's effects: one text per set of effects, the same from a host declaration and a compiled graph.</summary>
public sealed class ToolIdentityTests
{
    [Fact]
    public void The_text_lists_sorted_quoted_labels_then_origin_then_the_flags()
    {
        var text = ToolIdentity.Describe(ToolEffects.ExternalSink | ToolEffects.Egress | ToolEffects.Sensitive, ["b", "a", "a"], Trust.Untrusted);

        Assert.Equal("sensitive(\"a\",\"b\") origin(Untrusted) sink(external) egress", text);
        Assert.Equal("none", ToolIdentity.Describe(ToolEffects.None, [], Trust.ToolOutput));
    }

    [Fact]
    public void Labels_that_contain_separators_or_quotes_cannot_pass_for_other_labels()
    {
        var one = ToolIdentity.Describe(ToolEffects.Sensitive, ["a\",\"b"], Trust.ToolOutput);
        var two = ToolIdentity.Describe(ToolEffects.Sensitive, ["a", "b"], Trust.ToolOutput);

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void A_host_tool_and_the_graph_compiled_from_it_have_the_same_identity()
    {
        var host = new HostTool("send", ToolEffects.ExternalSink | ToolEffects.Shell, ["pii"], Trust.External);
        var compilation = TrajCompiler.Compile("trajectory T { plan send; }", "t.traj", new TrajCompilerOptions { HostTools = [host] });
        var graph = compilation.Trajectories.Single().Graph;

        Assert.True(graph.TryGetToolIndex("send", out var index));
        Assert.Equal(ToolIdentity.Of(host), ToolIdentity.Of(graph, index));
        Assert.Equal("sensitive(\"pii\") origin(External) sink(external) shell", ToolIdentity.Of(host));
    }
}
