namespace Trajeckt.Traj.Syntax;

// plan REGEX; where REGEX = alternation of sequences of postfix-repeated atoms (name, '_', '(' REGEX ')').
internal sealed partial class PolicyParser
{
    /// <summary>How deep groups and stacked repetitions may nest; deeper plans are an error, not a stack overflow.</summary>
    internal const int MaxPlanDepth = 100;

    // Index of the first token that does not belong to the plan being parsed; see FindPlanLimit.
    private int _planLimit;
    private int _planDepth;

    // End of the last scanned run of plan tokens. The run from any later index inside it ends there
    // too, so each token is scanned once even when many plans lack their ';' (no quadratic time).
    private int _planRunEnd = -1;

    private StatementSyntax? ParsePlanStatement()
    {
        var keyword = Advance();
        _planLimit = FindPlanLimit();
        _planDepth = 0;
        var expression = ParsePlanAlternation();
        if (expression is null || !Expect(TokenKind.Semicolon, "';' after the plan"))
            return null;
        return new PlanStatementSyntax(expression, SpanFrom(keyword));
    }

    // Plans are juxtaposed names, and keywords are contextual, so a plan that lacks its ';' would swallow
    // the next statement's first words. When the plan does not end in ';', it is cut at the first
    // statement keyword that starts a line, so the error names that keyword and the next statement
    // still parses. A plan that does end in ';' is never cut: a tool may be named 'flow'.
    private int FindPlanLimit()
    {
        if (_index > _planRunEnd)
        {
            _planRunEnd = _index;
            while (IsPlanToken(_tokens[_planRunEnd].Kind))
                _planRunEnd++;
        }
        var end = _planRunEnd;
        if (_tokens[end].Kind == TokenKind.Semicolon)
            return end;
        for (var i = _index; i < end; i++)
        {
            if (_tokens[i].AtLineStart && SyntaxKeywords.StartsStatement(_tokens[i]))
                return i;
        }
        return end;
    }

    private static bool IsPlanToken(TokenKind kind) =>
        kind is TokenKind.Name or TokenKind.OpenParen or TokenKind.CloseParen or TokenKind.Bar
            or TokenKind.Star or TokenKind.Plus or TokenKind.Question;

    private bool AtPlan(TokenKind kind) => _index < _planLimit && At(kind);

    private bool AtPlanAtomStart => AtPlan(TokenKind.Name) || AtPlan(TokenKind.OpenParen);

    private PlanExpressionSyntax? ParsePlanAlternation()
    {
        var first = ParsePlanSequence();
        if (first is null || !AtPlan(TokenKind.Bar))
            return first;
        var alternatives = new List<PlanExpressionSyntax> { first };
        while (AtPlan(TokenKind.Bar))
        {
            Advance();
            var next = ParsePlanSequence();
            if (next is null)
                return null;
            alternatives.Add(next);
        }
        return new PlanAlternationSyntax(alternatives, TextSpan.FromBounds(first.Span, alternatives[alternatives.Count - 1].Span));
    }

    private PlanExpressionSyntax? ParsePlanSequence()
    {
        var first = ParsePlanPostfix();
        if (first is null || !AtPlanAtomStart)
            return first;
        var items = new List<PlanExpressionSyntax> { first };
        while (AtPlanAtomStart)
        {
            var next = ParsePlanPostfix();
            if (next is null)
                return null;
            items.Add(next);
        }
        return new PlanSequenceSyntax(items, TextSpan.FromBounds(first.Span, items[items.Count - 1].Span));
    }

    private PlanExpressionSyntax? ParsePlanPostfix()
    {
        var operand = ParsePlanAtom();
        if (operand is null)
            return null;
        var outerDepth = _planDepth;
        while (RepeatKindAt() is { } kind)
        {
            // Stacked operators nest tree nodes too, so they count against the depth bound like groups.
            if (!TryEnterPlanLevel())
                return null;
            var op = Advance();
            operand = new PlanRepeatSyntax(operand, kind, TextSpan.FromBounds(operand.Span, op.Span));
        }
        _planDepth = outerDepth;
        return operand;
    }

    private PlanRepeatKind? RepeatKindAt()
    {
        if (AtPlan(TokenKind.Star))
            return PlanRepeatKind.ZeroOrMore;
        if (AtPlan(TokenKind.Plus))
            return PlanRepeatKind.OneOrMore;
        if (AtPlan(TokenKind.Question))
            return PlanRepeatKind.Optional;
        return null;
    }

    private PlanExpressionSyntax? ParsePlanAtom()
    {
        if (AtPlan(TokenKind.Name))
        {
            var token = Advance();
            return token.IsWildcard
                ? new PlanWildcardSyntax(token.Span)
                : new PlanToolSyntax(new NameSyntax(token.Value!, token.IsQuoted, token.Span));
        }
        if (AtPlan(TokenKind.OpenParen))
        {
            if (!TryEnterPlanLevel())
                return null;
            var open = Advance();
            var inner = ParsePlanAlternation();
            if (inner is null)
                return null;
            if (!AtPlan(TokenKind.CloseParen))
            {
                Error(SyntaxDiagnosticCodes.ExpectedToken, $"expected ')' to close the group, found {Found}");
                return null;
            }
            var close = Advance();
            _planDepth--;
            return new PlanGroupSyntax(inner, TextSpan.FromBounds(open.Span, close.Span));
        }
        Error(SyntaxDiagnosticCodes.ExpectedPlanExpression, $"expected a tool name, '_' or '(' in the plan, found {Found}");
        return null;
    }

    private bool TryEnterPlanLevel()
    {
        if (++_planDepth <= MaxPlanDepth)
            return true;
        Error(SyntaxDiagnosticCodes.PlanNestingTooDeep, $"expected groups and repetitions nested at most {MaxPlanDepth} deep in the plan, found deeper nesting at {Found}");
        return false;
    }
}
