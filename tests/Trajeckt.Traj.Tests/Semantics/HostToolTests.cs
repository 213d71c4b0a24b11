using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Semantics;
using static Trajeckt.Traj.Tests.Semantics.CompileHelpers;

namespace Trajeckt.Traj.Tests.Semantics;

/// <summary>Tools declared by C# attributes (host tools) merged with a policy, and auto-commitment.</summary>
public class HostToolTests
{
    private static readonly HostTool[] s_tools =
    {
        new("read_customer", ToolEffects.None, new[] { "customer-pii" }),
        new("send_email", ToolEffects.ExternalSink, Array.Empty<string>()),
        new("save_memory", ToolEffects.ControlSink, Array.Empty<string>(), floor: Trust.CleanWorkspace),
        new("fetch", ToolEffects.Egress, Array.Empty<string>(), origin: Trust.Untrusted),
    };

    private static TrajCompilation CompileWithHosts(string text) =>
        TrajCompiler.Compile(text, "policy.traj", new TrajCompilerOptions { HostTools = s_tools });

    [Fact]
    public void Host_tools_need_no_tool_line()
    {
        var compilation = CompileWithHosts("trajectory T { plan read_customer send_email?; flow customer-pii -> send_email; }");
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        var graph = compilation.Trajectories[0].Graph;
        Assert.Equal(new[] { "fetch", "read_customer", "save_memory", "send_email" }, graph.Tools.Select(t => t.Name));
        Assert.Equal(Trust.Untrusted, graph.Tools[0].Origin);
        Assert.Equal(Trust.CleanWorkspace, graph.Tools[2].Floor);
        Assert.Equal(new[] { 3 }, graph.GetFlowTargets(0));
    }

    [Fact]
    public void Host_tools_that_the_plan_never_reaches_are_left_to_the_host_to_report()
    {
        var compilation = CompileWithHosts("trajectory T { plan read_customer; }");
        Assert.True(compilation.Success);
        Assert.Empty(compilation.Diagnostics);
    }

    [Fact]
    public void A_tool_line_that_restates_the_attributes_is_fine()
    {
        var compilation = CompileWithHosts("trajectory T { tool read_customer : sensitive(customer-pii); tool fetch : egress, origin(Untrusted); }");
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
    }

    [Theory]
    [InlineData("tool read_customer;", "no effects")]
    [InlineData("tool read_customer : sensitive(other);", "sensitive(other)")]
    [InlineData("tool send_email : sink(control);", "sink(control)")]
    [InlineData("tool fetch : egress;", "egress")]
    public void A_tool_line_that_contradicts_the_attributes_is_an_error(string line, string says)
    {
        var d = SingleHostDiagnostic($"trajectory T {{\n  {line}\n}}");
        Assert.Equal(SemanticDiagnosticCodes.ContradictsHostDeclaration, d.Code);
        AssertAt(d, 2, 8);
        Assert.EndsWith("this line says " + says, d.Message);
    }

    [Fact]
    public void A_floor_statement_must_agree_with_the_attribute_floor()
    {
        Assert.True(CompileWithHosts("trajectory T { floor CleanWorkspace for save_memory; }").Success);
        var d = SingleHostDiagnostic("trajectory T {\n  floor Memory for save_memory;\n}");
        Assert.Equal(SemanticDiagnosticCodes.ContradictsHostDeclaration, d.Code);
        AssertAt(d, 2, 20);
        var twice = SingleHostDiagnostic("trajectory T {\n  floor CleanWorkspace for save_memory;\n  floor CleanWorkspace for save_memory;\n}");
        Assert.Equal(SemanticDiagnosticCodes.DuplicateToolFloor, twice.Code);
    }

    [Fact]
    public void Two_tool_lines_for_one_host_tool_are_a_duplicate()
    {
        var d = SingleHostDiagnostic("trajectory T {\n  tool send_email : sink(external);\n  tool send_email : sink(external);\n}");
        Assert.Equal(SemanticDiagnosticCodes.DuplicateTool, d.Code);
        AssertAt(d, 3, 8);
    }

    [Fact]
    public void Auto_commitment_allows_every_tool_in_any_order_with_attribute_effects()
    {
        var compilation = TrajCompiler.CompileAutoCommitment("My.App", s_tools);
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        var graph = Assert.Single(compilation.Trajectories).Graph;
        Assert.Equal("My.App", graph.Name);
        Assert.Equal(1, graph.StateCount);
        Assert.Equal(4, graph.TransitionCount);
        Assert.Equal(Trust.CleanWorkspace, graph.Tools.Single(t => t.Name == "save_memory").Floor);
        Assert.Empty(graph.GetFlowTargets(0));
    }

    [Fact]
    public void Auto_commitment_equals_the_policy_that_says_the_same()
    {
        var auto = TrajCompiler.CompileAutoCommitment("T", s_tools).Trajectories[0];
        var written = Single("""
            trajectory T {
              tool read_customer : sensitive(customer-pii);
              tool send_email : sink(external);
              tool save_memory : sink(control);
              tool fetch : origin(Untrusted), egress;
              floor CleanWorkspace for save_memory;
            }
            """);
        Assert.Equal(written.Digest, auto.Digest);
    }

    [Fact]
    public void Auto_commitment_quotes_names_that_need_it()
    {
        var compilation = TrajCompiler.CompileAutoCommitment("has space \"and quote\"", s_tools);
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        Assert.Equal("has space \"and quote\"", compilation.Trajectories[0].Name);
    }

    private static TrajDiagnostic SingleHostDiagnostic(string text) => Assert.Single(CompileWithHosts(text).Diagnostics);
}
