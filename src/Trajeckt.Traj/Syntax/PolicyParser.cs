using System.Diagnostics.CodeAnalysis;

namespace Trajeckt.Traj.Syntax;

// Recursive-descent parser for Traj v1. Errors are reported and the parser resynchronizes (at the next
// ';', '}' or statement keyword that starts a line), so one error never hides the next. Every loop
// consumes at least one token per iteration, so any input terminates. A statement with an error is
// left out of the tree; a trajectory is always kept once its keyword was seen.
internal sealed partial class PolicyParser
{
    private readonly string _text;
    private readonly string _filePath;
    private readonly Token[] _tokens;
    private readonly SyntaxDiagnosticBag _diagnostics;
    private int _index;

    // Offset of the last parser error; a second error at the same token is a cascade, not news.
    private int _lastErrorStart = -1;

    private PolicyParser(string text, string filePath, IReadOnlyList<Token> tokens, SyntaxDiagnosticBag diagnostics)
    {
        _text = text;
        _filePath = filePath;
        // Bad tokens were reported by the lexer; the grammar never sees them, so they cause no second error.
        _tokens = tokens.Where(t => t.Kind != TokenKind.Bad).ToArray();
        _diagnostics = diagnostics;
    }

    public static PolicySyntax Parse(string text, string filePath, IReadOnlyList<Token> tokens, SyntaxDiagnosticBag diagnostics) =>
        new PolicyParser(text, filePath, tokens, diagnostics).ParsePolicy();

    private Token Current => _tokens[_index];

    private Token Previous => _tokens[Math.Max(0, _index - 1)];

    private bool At(TokenKind kind) => Current.Kind == kind;

    private Token Advance()
    {
        var token = _tokens[_index];
        if (token.Kind != TokenKind.EndOfFile)
            _index++;
        return token;
    }

    private string Found => TokenText.Describe(_text, Current);

    private void Error(string code, string message)
    {
        if (Current.Span.Start == _lastErrorStart)
            return;
        _lastErrorStart = Current.Span.Start;
        _diagnostics.Error(code, Current.Span, message);
    }

    private bool Expect(TokenKind kind, string expectation)
    {
        if (At(kind))
        {
            Advance();
            return true;
        }
        Error(SyntaxDiagnosticCodes.ExpectedToken, $"expected {expectation}, found {Found}");
        return false;
    }

    private PolicySyntax ParsePolicy()
    {
        var trajectories = new List<TrajectorySyntax>();
        var reportedJunk = false;
        while (!At(TokenKind.EndOfFile))
        {
            if (Current.IsKeyword(SyntaxKeywords.Trajectory))
            {
                trajectories.Add(ParseTrajectory());
                continue;
            }
            Error(SyntaxDiagnosticCodes.ExpectedTrajectory, $"expected 'trajectory', found {Found}");
            reportedJunk = true;
            Advance();
            while (!At(TokenKind.EndOfFile) && !Current.IsKeyword(SyntaxKeywords.Trajectory))
                Advance();
        }
        if (trajectories.Count == 0 && !reportedJunk)
            _diagnostics.Error(SyntaxDiagnosticCodes.NoTrajectory, new TextSpan(0, 0), "expected at least one 'trajectory', found none in the file");
        return new PolicySyntax(_filePath, trajectories);
    }

    private TrajectorySyntax ParseTrajectory()
    {
        var keyword = Advance();
        NameSyntax name;
        if (TryParseName("a trajectory name after 'trajectory'", out var parsed))
        {
            name = parsed;
            Expect(TokenKind.OpenBrace, "'{' after the trajectory name");
        }
        else
        {
            // The name is missing: no second error for the brace, and the body still parses.
            name = new NameSyntax(string.Empty, isQuoted: false, new TextSpan(Current.Span.Start, 0));
            if (At(TokenKind.OpenBrace))
                Advance();
        }

        var statements = new List<StatementSyntax>();
        while (true)
        {
            if (At(TokenKind.CloseBrace))
            {
                var close = Advance();
                return new TrajectorySyntax(name, statements, TextSpan.FromBounds(keyword.Span, close.Span));
            }
            if (At(TokenKind.EndOfFile) || Current.IsKeyword(SyntaxKeywords.Trajectory))
            {
                Error(SyntaxDiagnosticCodes.ExpectedToken, $"expected '}}' to close trajectory {QuoteValue(name.Value)}, found {Found}");
                return new TrajectorySyntax(name, statements, TextSpan.FromBounds(keyword.Span, Previous.Span));
            }
            var statement = ParseStatement();
            if (statement is not null)
                statements.Add(statement);
        }
    }

    // Resynchronizes after an error inside a statement: past the next ';', or up to a '}', the end of
    // the file, or a statement keyword that starts a line (most likely the next statement).
    private void SkipToStatementEnd()
    {
        while (!At(TokenKind.EndOfFile))
        {
            if (At(TokenKind.Semicolon))
            {
                Advance();
                return;
            }
            if (At(TokenKind.CloseBrace) || (Current.AtLineStart && SyntaxKeywords.StartsStatement(Current)))
                return;
            Advance();
        }
    }

    private bool TryParseName(string expectation, [NotNullWhen(true)] out NameSyntax? name)
    {
        if (At(TokenKind.Name) && !Current.IsWildcard)
        {
            var token = Advance();
            name = new NameSyntax(token.Value!, token.IsQuoted, token.Span);
            return true;
        }
        var found = Current.IsWildcard ? "'_', which is only the plan wildcard (write \"_\" to use it as a name)" : Found;
        Error(SyntaxDiagnosticCodes.ExpectedName, $"expected {expectation}, found {found}");
        name = null;
        return false;
    }

    private List<NameSyntax>? ParseNameList(string firstExpectation, string nextExpectation)
    {
        if (!TryParseName(firstExpectation, out var first))
            return null;
        var names = new List<NameSyntax> { first };
        while (At(TokenKind.Comma))
        {
            Advance();
            if (!TryParseName(nextExpectation, out var next))
                return null;
            names.Add(next);
        }
        return names;
    }

    private bool TryParseTrust(string expectation, [NotNullWhen(true)] out TrustSyntax? trust)
    {
        if (At(TokenKind.Name) && SyntaxKeywords.TryGetTrust(Current.Value, out var level))
        {
            trust = new TrustSyntax(level, Advance().Span);
            return true;
        }
        Error(SyntaxDiagnosticCodes.InvalidTrust, $"expected {expectation} ({SyntaxKeywords.TrustList}), found {Found}");
        trust = null;
        return false;
    }

    private static string QuoteValue(string value) =>
        value.Length == 0 ? "(unnamed)" : TokenText.Quote(value, new TextSpan(0, value.Length));
}
