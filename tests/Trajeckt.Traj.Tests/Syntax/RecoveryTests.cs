using Trajeckt.Traj.Syntax;
using static Trajeckt.Traj.Tests.Syntax.SyntaxTestHelpers;

namespace Trajeckt.Traj.Tests.Syntax;

public class RecoveryTests
{
    private static (string Code, int Line)[] CodesAndLines(TrajParseResult result) =>
        result.Diagnostics.Select(d => (d.Code, d.Location.Line)).ToArray();

    [Fact]
    public void Two_errors_in_one_file_are_both_reported_and_good_statements_are_kept()
    {
        var result = Parse("""
            trajectory T {
              tool a : nonsense;
              tool b;
              floor Bogus;
              tool c;
            }
            """);
        Assert.Equal(new[] { (SyntaxDiagnosticCodes.UnknownEffect, 2), (SyntaxDiagnosticCodes.InvalidTrust, 4) }, CodesAndLines(result));
        var tools = Assert.Single(result.Syntax.Trajectories).Statements.Cast<ToolStatementSyntax>().Select(t => t.Name.Value);
        Assert.Equal(new[] { "b", "c" }, tools);
    }

    [Fact]
    public void Missing_semicolon_resumes_at_the_next_statement_keyword_on_a_new_line()
    {
        var result = Parse("""
            trajectory T {
              tool a
              tool b : shell
              flow x -> b
              budget calls 3;
            }
            """);
        Assert.Equal(
            new[] { (SyntaxDiagnosticCodes.ExpectedToken, 3), (SyntaxDiagnosticCodes.ExpectedToken, 4), (SyntaxDiagnosticCodes.ExpectedToken, 5) },
            CodesAndLines(result));
        Assert.IsType<BudgetStatementSyntax>(Assert.Single(Assert.Single(result.Syntax.Trajectories).Statements));
    }

    [Fact]
    public void Plan_without_semicolon_does_not_swallow_the_next_statement()
    {
        var result = Parse("trajectory T {\n  plan a b\n  flow x -> y;\n  tool a;\n}");
        Assert.Equal(new[] { (SyntaxDiagnosticCodes.ExpectedToken, 3) }, CodesAndLines(result));
        var statements = Assert.Single(result.Syntax.Trajectories).Statements;
        Assert.IsType<FlowStatementSyntax>(statements[0]);
        Assert.IsType<ToolStatementSyntax>(statements[1]);
    }

    [Fact]
    public void Errors_in_several_trajectories_are_all_reported()
    {
        var result = Parse("trajectory A {\n  tool : shell;\n}\ntrajectory B {\n  budget calls x;\n}\ntrajectory C { tool c; }");
        Assert.Equal(new[] { (SyntaxDiagnosticCodes.ExpectedName, 2), (SyntaxDiagnosticCodes.ExpectedNumber, 5) }, CodesAndLines(result));
        Assert.Equal(new[] { "A", "B", "C" }, result.Syntax.Trajectories.Select(t => t.Name.Value));
        Assert.Single(result.Syntax.Trajectories[2].Statements);
    }

    [Fact]
    public void Missing_close_brace_before_the_next_trajectory_is_reported_and_both_parse()
    {
        var result = Parse("trajectory A {\n  tool a;\ntrajectory B {\n  tool b;\n}");
        Assert.Equal(new[] { (SyntaxDiagnosticCodes.ExpectedToken, 3) }, CodesAndLines(result));
        Assert.Equal(new[] { "A", "B" }, result.Syntax.Trajectories.Select(t => t.Name.Value));
        Assert.All(result.Syntax.Trajectories, t => Assert.Single(t.Statements));
    }

    [Fact]
    public void Lexical_and_syntax_errors_are_reported_together_in_source_order()
    {
        var result = Parse("trajectory T {\n  tool a : bogus;\n  tool \"x\\q\";\n  tool #;\n}");
        Assert.Equal(
            new[] { (SyntaxDiagnosticCodes.UnknownEffect, 2), (SyntaxDiagnosticCodes.InvalidEscape, 3), (SyntaxDiagnosticCodes.UnexpectedCharacter, 4), (SyntaxDiagnosticCodes.ExpectedName, 4) },
            CodesAndLines(result));
    }

    [Fact]
    public void Stray_characters_alone_cause_no_second_error()
    {
        var result = Parse("trajectory T {\n  tool a; @@@\n  tool b;\n}");
        Assert.Equal(new[] { (SyntaxDiagnosticCodes.UnexpectedCharacter, 2) }, CodesAndLines(result));
        Assert.Equal(2, Assert.Single(result.Syntax.Trajectories).Statements.Count);
    }

    [Fact]
    public void Junk_at_top_level_is_one_error_and_the_next_trajectory_parses()
    {
        var result = Parse("tool a; tool b; }\ntrajectory T { tool c; }");
        Assert.Equal(new[] { (SyntaxDiagnosticCodes.ExpectedTrajectory, 1) }, CodesAndLines(result));
        Assert.Equal("T", Assert.Single(result.Syntax.Trajectories).Name.Value);
    }

    [Fact]
    public void A_file_of_only_junk_does_not_also_report_no_trajectory()
    {
        var result = Parse("hello");
        Assert.Equal(new[] { (SyntaxDiagnosticCodes.ExpectedTrajectory, 1) }, CodesAndLines(result));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    [InlineData("/* a */ // b")]
    public void Empty_files_report_no_trajectory(string text)
    {
        Assert.Equal(SyntaxDiagnosticCodes.NoTrajectory, SingleDiagnostic(text).Code);
    }

    [Fact]
    public void Out_of_range_budget_is_left_out_without_a_second_error()
    {
        var result = Parse("trajectory T { budget calls 99999999999; tool a; }");
        Assert.Equal(SyntaxDiagnosticCodes.NumberOutOfRange, Assert.Single(result.Diagnostics).Code);
        Assert.IsType<ToolStatementSyntax>(Assert.Single(Assert.Single(result.Syntax.Trajectories).Statements));
    }
}
