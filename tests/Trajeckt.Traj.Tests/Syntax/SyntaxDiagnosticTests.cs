using Trajeckt.Traj.Syntax;
using static Trajeckt.Traj.Tests.Syntax.SyntaxTestHelpers;

namespace Trajeckt.Traj.Tests.Syntax;

public class SyntaxDiagnosticTests
{
    // Each row: text, code, line, column, a fragment the message must contain. Every code in
    // SyntaxDiagnosticCodes appears at least once (checked below). Each text has exactly this one
    // error, except the unterminated quoted name, which also leaves the statement and trajectory open.
    public static TheoryData<string, string, int, int, string> Cases => new()
    {
        { "trajectory T {\n  tool a@;\n}", SyntaxDiagnosticCodes.UnexpectedCharacter, 2, 9, "found the unexpected character '@'" },
        { "trajectory T { }\n/* open", SyntaxDiagnosticCodes.UnterminatedComment, 2, 1, "expected '*/'" },
        { "trajectory T {\n  tool \"abc", SyntaxDiagnosticCodes.UnterminatedQuotedName, 2, 8, "found end of file" },
        { "trajectory T {\n  tool \"ab\n  ;\n}", SyntaxDiagnosticCodes.NewlineInQuotedName, 2, 8, "found a line break" },
        { "trajectory T {\n  tool \"a\\tb\";\n}", SyntaxDiagnosticCodes.InvalidEscape, 2, 10, "found '\\t'" },
        { "trajectory T {\n  tool \"\";\n}", SyntaxDiagnosticCodes.EmptyQuotedName, 2, 8, "empty quoted name" },
        { "trajectory T {\n  budget calls 2147483648;\n}", SyntaxDiagnosticCodes.NumberOutOfRange, 2, 16, "at most 2147483647" },
        { "// nothing but a comment\n", SyntaxDiagnosticCodes.NoTrajectory, 1, 1, "found none" },
        { "tool a;", SyntaxDiagnosticCodes.ExpectedTrajectory, 1, 1, "expected 'trajectory', found 'tool'" },
        { "trajectory T {\n  tool ;\n}", SyntaxDiagnosticCodes.ExpectedName, 2, 8, "expected a tool name after 'tool', found ';'" },
        { "trajectory T {\n  plan a b\n  flow x -> y;\n}", SyntaxDiagnosticCodes.ExpectedToken, 3, 3, "expected ';' after the plan, found 'flow'" },
        { "trajectory T {\n  tools a;\n}", SyntaxDiagnosticCodes.UnknownStatement, 2, 3, "tool, plan, flow, floor, authorize, budget or pin" },
        { "trajectory T {\n  tool a : network;\n}", SyntaxDiagnosticCodes.UnknownEffect, 2, 12, "sensitive, origin, sink, shell or egress), found 'network'" },
        { "trajectory T {\n  tool a : sink(internal);\n}", SyntaxDiagnosticCodes.UnknownSinkKind, 2, 17, "expected 'external' or 'control' in sink(...), found 'internal'" },
        { "trajectory T {\n  floor trusteduser;\n}", SyntaxDiagnosticCodes.InvalidTrust, 2, 9, "(Untrusted, Memory, External, ToolOutput, CleanWorkspace or TrustedUser), found 'trusteduser'" },
        { "trajectory T {\n  plan a | ;\n}", SyntaxDiagnosticCodes.ExpectedPlanExpression, 2, 12, "expected a tool name, '_' or '(' in the plan, found ';'" },
        { "trajectory T {\n  plan " + new string('(', 101) + "a;\n}", SyntaxDiagnosticCodes.PlanNestingTooDeep, 2, 108, "at most 100 deep" },
        { "trajectory T {\n  budget calls many;\n}", SyntaxDiagnosticCodes.ExpectedNumber, 2, 16, "expected a number of calls after 'budget calls', found 'many'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_syntax_error_has_its_code_position_and_message(string text, string code, int line, int column, string fragment)
    {
        var result = Parse(text);
        Assert.True(result.HasErrors);
        if (code != SyntaxDiagnosticCodes.UnterminatedQuotedName)
            Assert.Single(result.Diagnostics);
        var diagnostic = result.Diagnostics[0];
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(TrajSeverity.Error, diagnostic.Severity);
        Assert.Equal(FilePath, diagnostic.Location.FilePath);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains(fragment, diagnostic.Message);
        Assert.StartsWith($"policy.traj({line},{column}): error {code}: ", diagnostic.ToString());
    }

    [Fact]
    public void Every_code_is_covered_by_a_case()
    {
        var covered = Cases.Select(row => (string)row[1]).ToHashSet();
        Assert.All(SyntaxDiagnosticCodes.All, entry => Assert.Contains(entry.Key, covered));
    }

    [Fact]
    public void Codes_are_unique_and_in_the_syntax_range()
    {
        var codes = SyntaxDiagnosticCodes.All.Select(e => e.Key).ToArray();
        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^TRJ00[0-9][0-9]$", code));
        Assert.DoesNotContain("TRJ0000", codes);
    }

    [Fact]
    public void Every_const_code_is_listed_with_a_description()
    {
        var constants = typeof(SyntaxDiagnosticCodes).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(c => c, StringComparer.Ordinal);
        Assert.Equal(constants, SyntaxDiagnosticCodes.All.Select(e => e.Key).OrderBy(c => c, StringComparer.Ordinal));
        Assert.All(SyntaxDiagnosticCodes.All, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value)));
    }

    [Theory]
    [InlineData("trajectory T {\n  tool a : origin(Memory;\n}", "expected ')' after the trust level, found ';'")]
    [InlineData("trajectory T {\n  tool a : sensitive(x y);\n}", "expected ',' or ')' after the label, found 'y'")]
    [InlineData("trajectory T {\n  tool a : shell egress;\n}", "expected ',' or ';' after the effect, found 'egress'")]
    [InlineData("trajectory T {\n  tool a shell;\n}", "expected ':' or ';' after the tool name, found 'shell'")]
    [InlineData("trajectory T {\n  flow x y;\n}", "expected '->' after the label, found 'y'")]
    [InlineData("trajectory T {\n  floor External a;\n}", "expected 'for' or ';' after the floor level, found 'a'")]
    [InlineData("trajectory T {\n  authorize a TrustedUser;\n}", "expected ',' or 'by' after the tool name, found 'TrustedUser'")]
    [InlineData("trajectory T {\n  budget 5;\n}", "expected 'calls' after 'budget', found '5'")]
    [InlineData("trajectory T {\n  plan (a b;\n}", "expected ')' to close the group, found ';'")]
    [InlineData("trajectory T {\n  plan a);\n}", "expected ';' after the plan, found ')'")]
    [InlineData("trajectory T {\n  tool a;\n", "expected '}' to close trajectory 'T', found end of file")]
    [InlineData("trajectory T\n  tool a;\n}", "expected '{' after the trajectory name, found 'tool'")]
    [InlineData("trajectory {\n}", "expected a trajectory name after 'trajectory', found '{'")]
    [InlineData("trajectory T {\n  ;\n}", "expected a statement (tool, plan, flow, floor, authorize, budget or pin), found ';'")]
    [InlineData("trajectory T {\n  tool a : origin(3);\n}", "expected a trust level in origin(...) (Untrusted, Memory, External, ToolOutput, CleanWorkspace or TrustedUser), found '3'")]
    public void Messages_say_what_was_expected_and_what_was_found(string text, string message)
    {
        Assert.Equal(message, SingleDiagnostic(text).Message);
    }

    [Fact]
    public void Long_tokens_are_shortened_in_messages()
    {
        var diagnostic = SingleDiagnostic("trajectory T {\n  tool a : " + new string('x', 500) + ";\n}");
        Assert.Contains("'" + new string('x', 40) + "...'", diagnostic.Message);
        Assert.True(diagnostic.Message.Length < 200);
    }
}
