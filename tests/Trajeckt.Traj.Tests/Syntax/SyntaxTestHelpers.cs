using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Tests.Syntax;

internal static class SyntaxTestHelpers
{
    public const string FilePath = "policy.traj";

    public static TrajParseResult Parse(string text) => TrajParser.Parse(text, FilePath);

    /// <summary>Parses text that must have no diagnostics.</summary>
    public static PolicySyntax ParseClean(string text)
    {
        var result = Parse(text);
        Assert.True(result.Diagnostics.Count == 0, "unexpected diagnostics:\n" + string.Join("\n", result.Diagnostics));
        return result.Syntax;
    }

    /// <summary>Parses one trajectory around <paramref name="body"/> and returns its only statement.</summary>
    public static T ParseStatement<T>(string body)
        where T : StatementSyntax
    {
        var policy = ParseClean("trajectory T {\n" + body + "\n}");
        var statement = Assert.Single(Assert.Single(policy.Trajectories).Statements);
        return Assert.IsType<T>(statement);
    }

    /// <summary>The plan of <c>plan ...;</c>.</summary>
    public static PlanExpressionSyntax ParsePlan(string plan) => ParseStatement<PlanStatementSyntax>("plan " + plan + ";").Expression;

    public static TrajDiagnostic SingleDiagnostic(string text)
    {
        var result = Parse(text);
        Assert.True(result.Diagnostics.Count == 1, "expected one diagnostic, got:\n" + string.Join("\n", result.Diagnostics));
        Assert.True(result.HasErrors);
        return result.Diagnostics[0];
    }

    public static IReadOnlyList<Token> Lex(string text, out IReadOnlyList<TrajDiagnostic> diagnostics)
    {
        var bag = new SyntaxDiagnosticBag(new LineMap(text), FilePath);
        var tokens = TrajLexer.Lex(text, bag);
        diagnostics = bag.ToSortedList();
        return tokens;
    }

    /// <summary>Lexes text that must have no diagnostics; drops the final EndOfFile.</summary>
    public static IReadOnlyList<Token> LexClean(string text)
    {
        var tokens = Lex(text, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(TokenKind.EndOfFile, tokens[tokens.Count - 1].Kind);
        return tokens.Take(tokens.Count - 1).ToArray();
    }

    public static string Text(string source, Token token) => source.Substring(token.Span.Start, token.Span.Length);
}
