namespace Trajeckt.Traj.Syntax;

// The statements inside a trajectory. Each Parse method consumes its keyword first (so recovery always
// makes progress) and returns null after reporting an error; ParseStatement then resynchronizes.
internal sealed partial class PolicyParser
{
    private StatementSyntax? ParseStatement()
    {
        var first = Current;
        StatementSyntax? statement;
        switch (first.Kind == TokenKind.Name ? first.Value : null)
        {
            case SyntaxKeywords.Tool: statement = ParseToolStatement(); break;
            case SyntaxKeywords.Plan: statement = ParsePlanStatement(); break;
            case SyntaxKeywords.Flow: statement = ParseFlowStatement(); break;
            case SyntaxKeywords.Floor: statement = ParseFloorStatement(); break;
            case SyntaxKeywords.Authorize: statement = ParseAuthorizeStatement(); break;
            case SyntaxKeywords.Budget: statement = ParseBudgetStatement(); break;
            case SyntaxKeywords.Pin: statement = ParsePinStatement(); break;
            default:
                Error(SyntaxDiagnosticCodes.UnknownStatement, $"expected a statement ({SyntaxKeywords.StatementList}), found {Found}");
                Advance();
                statement = null;
                break;
        }
        if (statement is null)
            SkipToStatementEnd();
        return statement;
    }

    private TextSpan SpanFrom(Token keyword) => TextSpan.FromBounds(keyword.Span, Previous.Span);

    private StatementSyntax? ParseToolStatement()
    {
        var keyword = Advance();
        if (!TryParseName("a tool name after 'tool'", out var name))
            return null;
        var effects = new List<EffectSyntax>();
        if (At(TokenKind.Colon))
        {
            Advance();
            do
            {
                var effect = ParseEffect();
                if (effect is null)
                    return null;
                effects.Add(effect);
            }
            while (TryConsume(TokenKind.Comma));
            if (!Expect(TokenKind.Semicolon, "',' or ';' after the effect"))
                return null;
        }
        else if (!Expect(TokenKind.Semicolon, "':' or ';' after the tool name"))
        {
            return null;
        }
        return new ToolStatementSyntax(name, effects, SpanFrom(keyword));
    }

    private StatementSyntax? ParseFlowStatement()
    {
        var keyword = Advance();
        if (!TryParseName("a label after 'flow'", out var label) || !Expect(TokenKind.Arrow, "'->' after the label"))
            return null;
        var tools = ParseNameList("a tool name after '->'", "a tool name after ','");
        if (tools is null || !Expect(TokenKind.Semicolon, "',' or ';' after the tool name"))
            return null;
        return new FlowStatementSyntax(label, tools, SpanFrom(keyword));
    }

    private StatementSyntax? ParseFloorStatement()
    {
        var keyword = Advance();
        if (!TryParseTrust("a trust level after 'floor'", out var level))
            return null;
        List<NameSyntax>? tools = null;
        if (Current.IsKeyword(SyntaxKeywords.For))
        {
            Advance();
            tools = ParseNameList("a tool name after 'for'", "a tool name after ','");
            if (tools is null || !Expect(TokenKind.Semicolon, "',' or ';' after the tool name"))
                return null;
        }
        else if (!Expect(TokenKind.Semicolon, "'for' or ';' after the floor level"))
        {
            return null;
        }
        return new FloorStatementSyntax(level, tools, SpanFrom(keyword));
    }

    private StatementSyntax? ParseAuthorizeStatement()
    {
        var keyword = Advance();
        var tools = ParseNameList("a tool name after 'authorize'", "a tool name after ','");
        if (tools is null)
            return null;
        if (!Current.IsKeyword(SyntaxKeywords.By))
        {
            Error(SyntaxDiagnosticCodes.ExpectedToken, $"expected ',' or 'by' after the tool name, found {Found}");
            return null;
        }
        Advance();
        if (!TryParseTrust("a trust level after 'by'", out var level) || !Expect(TokenKind.Semicolon, "';' after the trust level"))
            return null;
        return new AuthorizeStatementSyntax(tools, level, SpanFrom(keyword));
    }

    private StatementSyntax? ParseBudgetStatement()
    {
        var keyword = Advance();
        if (!Current.IsKeyword(SyntaxKeywords.Calls))
        {
            Error(SyntaxDiagnosticCodes.ExpectedToken, $"expected 'calls' after 'budget', found {Found}");
            return null;
        }
        Advance();
        if (!At(TokenKind.Number))
        {
            Error(SyntaxDiagnosticCodes.ExpectedNumber, $"expected a number of calls after 'budget calls', found {Found}");
            return null;
        }
        // An out-of-range number was reported by the lexer; the statement is left out without a second error.
        var calls = Advance().Number;
        if (calls is null || !Expect(TokenKind.Semicolon, "';' after the number of calls"))
            return null;
        return new BudgetStatementSyntax(calls.Value, SpanFrom(keyword));
    }

    private StatementSyntax? ParsePinStatement()
    {
        var keyword = Advance();
        // The hash is checked by the binder, which can point at the quoted value itself.
        if (!TryParseName("a tool name after 'pin'", out var tool)
            || !TryParseName("the pinned definition's hash (\"sha256:...\") after the tool name", out var hash)
            || !Expect(TokenKind.Semicolon, "';' after the hash"))
            return null;
        return new PinStatementSyntax(tool, hash, SpanFrom(keyword));
    }

    private bool TryConsume(TokenKind kind)
    {
        if (!At(kind))
            return false;
        Advance();
        return true;
    }
}
