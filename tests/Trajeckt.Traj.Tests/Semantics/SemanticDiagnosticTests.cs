using Trajeckt.Traj.Semantics;
using static Trajeckt.Traj.Tests.Semantics.CompileHelpers;

namespace Trajeckt.Traj.Tests.Semantics;

/// <summary>Every checker diagnostic of docs/traj-language.md, each with its exact position.</summary>
public class SemanticDiagnosticTests
{
    [Fact]
    public void Unknown_tool_in_a_plan_is_an_error_at_the_name()
    {
        var d = SingleDiagnostic("trajectory T {\n  tool a;\n  plan a bogus;\n}", SemanticDiagnosticCodes.UnknownTool);
        Assert.True(d.IsError);
        AssertAt(d, 3, 10);
        Assert.Contains("'bogus'", d.Message);
    }

    [Theory]
    [InlineData("flow x -> nope;", 4, 13)]
    [InlineData("floor External for nope;", 4, 22)]
    [InlineData("authorize nope by TrustedUser;", 4, 13)]
    public void Unknown_tool_in_other_statements_is_an_error_at_the_name(string statement, int line, int column)
    {
        var d = SingleDiagnostic($"trajectory T {{\n  tool a : sensitive(x);\n  tool s : sink(external);\n  {statement}\n}}", SemanticDiagnosticCodes.UnknownTool);
        AssertAt(d, line, column);
    }

    [Fact]
    public void Every_unknown_tool_is_reported_not_just_the_first()
    {
        var compilation = Compile("trajectory T { tool a; plan a b (c | d)*; }");
        Assert.Equal(new[] { "'b'", "'c'", "'d'" },
            compilation.Diagnostics.Select(d => System.Text.RegularExpressions.Regex.Match(d.Message, "'[^']*'").Value).ToArray());
        Assert.All(compilation.Diagnostics, d => Assert.Equal(SemanticDiagnosticCodes.UnknownTool, d.Code));
    }

    [Fact]
    public void Unknown_label_in_a_flow()
    {
        var d = SingleDiagnostic("trajectory T {\n  tool s : sink(external);\n  flow pii -> s;\n}", SemanticDiagnosticCodes.UnknownLabel);
        AssertAt(d, 3, 8);
    }

    [Theory]
    [InlineData("tool t;")]
    [InlineData("tool t : sink(control);")]
    [InlineData("tool t : shell;")]
    [InlineData("tool t : sensitive(pii);")]
    public void Flow_to_a_tool_that_is_neither_external_sink_nor_egress(string tool)
    {
        var d = SingleDiagnostic($"trajectory T {{\n  tool r : sensitive(pii);\n  {tool}\n  flow pii -> t;\n}}", SemanticDiagnosticCodes.FlowTargetNotRestricted);
        AssertAt(d, 4, 15);
    }

    [Theory]
    [InlineData("tool t : sink(external);")]
    [InlineData("tool t : egress;")]
    public void Flow_to_an_external_sink_or_egress_tool_is_fine(string tool)
    {
        var trajectory = Single($"trajectory T {{ tool r : sensitive(pii); {tool} flow pii -> t; }}");
        Assert.True(trajectory.Graph.TryGetToolIndex("t", out var t));
        Assert.True(trajectory.Graph.FlowAllows(0, t));
    }

    [Fact]
    public void Duplicate_trajectory()
    {
        var d = SingleDiagnostic("trajectory T { tool a; }\ntrajectory T { tool b; }", SemanticDiagnosticCodes.DuplicateTrajectory);
        AssertAt(d, 2, 12);
    }

    [Fact]
    public void Duplicate_tool()
    {
        var d = SingleDiagnostic("trajectory T {\n  tool a;\n  tool a : shell;\n}", SemanticDiagnosticCodes.DuplicateTool);
        AssertAt(d, 3, 8);
    }

    [Theory]
    [InlineData("tool a : shell, shell;", 2, 19)]
    [InlineData("tool a : sink(external), sink(external);", 2, 28)]
    [InlineData("tool a : origin(Memory), origin(External);", 2, 28)]
    [InlineData("tool a : sensitive(x), sensitive(y);", 2, 26)]
    [InlineData("tool a : sensitive(x, x);", 2, 25)]
    public void Duplicate_effect_or_label(string tool, int line, int column)
    {
        var d = SingleDiagnostic($"trajectory T {{\n  {tool}\n}}", SemanticDiagnosticCodes.DuplicateEffect);
        AssertAt(d, line, column);
    }

    [Fact]
    public void Both_sink_kinds_on_one_tool_are_two_different_effects()
    {
        var graph = Single("trajectory T { tool a : sink(external), sink(control); }").Graph;
        Assert.Equal(Graph.ToolEffects.ExternalSink | Graph.ToolEffects.ControlSink, graph.Tools[0].Effects);
    }

    [Fact]
    public void Duplicate_default_floor()
    {
        var d = SingleDiagnostic("trajectory T {\n  floor Memory;\n  floor External;\n}", SemanticDiagnosticCodes.DuplicateDefaultFloor);
        AssertAt(d, 3, 3);
    }

    [Fact]
    public void Duplicate_tool_floor()
    {
        var d = SingleDiagnostic("trajectory T {\n  tool a;\n  floor Memory for a;\n  floor External for a;\n}", SemanticDiagnosticCodes.DuplicateToolFloor);
        AssertAt(d, 4, 22);
    }

    [Fact]
    public void Duplicate_authorize()
    {
        var d = SingleDiagnostic("trajectory T {\n  tool a : sink(control);\n  authorize a by TrustedUser;\n  authorize a by CleanWorkspace;\n}", SemanticDiagnosticCodes.DuplicateAuthorize);
        AssertAt(d, 4, 13);
    }

    [Fact]
    public void Duplicate_budget()
    {
        var d = SingleDiagnostic("trajectory T {\n  budget calls 3;\n  budget calls 4;\n}", SemanticDiagnosticCodes.DuplicateBudget);
        AssertAt(d, 3, 3);
    }

    [Fact]
    public void Duplicate_flow_pair_also_across_statements()
    {
        var d = SingleDiagnostic("trajectory T {\n  tool r : sensitive(x);\n  tool s : sink(external);\n  flow x -> s;\n  flow x -> s;\n}", SemanticDiagnosticCodes.DuplicateFlow);
        AssertAt(d, 5, 13);
    }

    [Theory]
    [InlineData("trajectory T {\n  plan _;\n}")]
    [InlineData("trajectory T {\n  plan _ _*;\n}")]
    public void Empty_plan_language(string text)
    {
        var d = SingleDiagnostic(text, SemanticDiagnosticCodes.EmptyPlanLanguage);
        AssertAt(d, 2, 3);
    }

    [Fact]
    public void A_plan_that_only_allows_the_empty_run_is_not_empty()
    {
        var graph = Single("trajectory T { tool a; plan a?; }").Graph;
        Assert.Equal(2, graph.StateCount);
    }

    [Fact]
    public void Automaton_over_the_bound_is_an_error_not_an_explosion()
    {
        // (a|b)* a (a|b)^n needs 2^(n+1) DFA states: far over the bound for n = 16.
        var tail = string.Concat(Enumerable.Repeat(" (a | b)", 16));
        var d = SingleDiagnostic($"trajectory T {{\n  tool a;\n  tool b;\n  plan (a | b)* a{tail};\n}}", SemanticDiagnosticCodes.PlanTooLarge);
        AssertAt(d, 4, 3);
    }

    [Fact]
    public void A_tool_may_not_be_named_underscore_even_quoted()
    {
        var d = SingleDiagnostic("trajectory T {\n  tool \"_\";\n}", SemanticDiagnosticCodes.ReservedToolName);
        AssertAt(d, 2, 8);
    }

    [Fact]
    public void Authorize_without_floor_is_a_warning_and_the_authorizer_is_normalized()
    {
        var compilation = Compile("trajectory T {\n  tool a;\n  authorize a by Memory;\n}");
        Assert.True(compilation.Success);
        var d = Assert.Single(compilation.Diagnostics);
        Assert.Equal(SemanticDiagnosticCodes.AuthorizeWithoutFloor, d.Code);
        Assert.False(d.IsError);
        AssertAt(d, 3, 13);
        var tool = compilation.Trajectories[0].Graph.Tools[0];
        Assert.Null(tool.Floor);
        Assert.Equal(Trust.TrustedUser, tool.Authorizer);
    }

    [Fact]
    public void A_tool_in_no_plan_is_a_warning()
    {
        var compilation = Compile("trajectory T {\n  tool a;\n  tool b;\n  plan a*;\n}");
        Assert.True(compilation.Success);
        var d = Assert.Single(compilation.Diagnostics);
        Assert.Equal(SemanticDiagnosticCodes.UnreachableTool, d.Code);
        AssertAt(d, 3, 8);
    }

    [Fact]
    public void Syntax_errors_suppress_checking_so_no_follow_on_errors_appear()
    {
        var compilation = Compile("trajectory T { tool a : bogus; plan a b; }");
        Assert.False(compilation.Success);
        Assert.All(compilation.Diagnostics, d => Assert.StartsWith("TRJ00", d.Code));
        Assert.Empty(compilation.Trajectories);
    }

    [Fact]
    public void Errors_in_one_trajectory_leave_no_compiled_trajectories()
    {
        var compilation = Compile("trajectory A { tool a; } trajectory B { plan x; }");
        Assert.False(compilation.Success);
        Assert.Empty(compilation.Trajectories);
    }
}
