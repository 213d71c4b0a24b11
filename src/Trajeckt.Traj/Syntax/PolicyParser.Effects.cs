namespace Trajeckt.Traj.Syntax;

// The effects of a tool statement: sensitive(...), origin(T), sink(external|control), shell, egress.
internal sealed partial class PolicyParser
{
    private EffectSyntax? ParseEffect()
    {
        var keyword = Current;
        switch (keyword.Kind == TokenKind.Name ? keyword.Value : null)
        {
            case SyntaxKeywords.Sensitive: return ParseSensitiveEffect();
            case SyntaxKeywords.Origin: return ParseOriginEffect();
            case SyntaxKeywords.Sink: return ParseSinkEffect();
            case SyntaxKeywords.Shell: return new ShellEffectSyntax(Advance().Span);
            case SyntaxKeywords.Egress: return new EgressEffectSyntax(Advance().Span);
            default:
                Error(SyntaxDiagnosticCodes.UnknownEffect, $"expected an effect ({SyntaxKeywords.EffectList}), found {Found}");
                return null;
        }
    }

    private EffectSyntax? ParseSensitiveEffect()
    {
        var keyword = Advance();
        if (!Expect(TokenKind.OpenParen, "'(' after 'sensitive'"))
            return null;
        var labels = ParseNameList("a label in sensitive(...)", "a label after ','");
        if (labels is null || !Expect(TokenKind.CloseParen, "',' or ')' after the label"))
            return null;
        return new SensitiveEffectSyntax(labels, SpanFrom(keyword));
    }

    private EffectSyntax? ParseOriginEffect()
    {
        var keyword = Advance();
        if (!Expect(TokenKind.OpenParen, "'(' after 'origin'")
            || !TryParseTrust("a trust level in origin(...)", out var level)
            || !Expect(TokenKind.CloseParen, "')' after the trust level"))
        {
            return null;
        }
        return new OriginEffectSyntax(level, SpanFrom(keyword));
    }

    private EffectSyntax? ParseSinkEffect()
    {
        var keyword = Advance();
        if (!Expect(TokenKind.OpenParen, "'(' after 'sink'"))
            return null;
        SinkEffectKind kind;
        if (Current.IsKeyword(SyntaxKeywords.External))
        {
            kind = SinkEffectKind.External;
        }
        else if (Current.IsKeyword(SyntaxKeywords.Control))
        {
            kind = SinkEffectKind.Control;
        }
        else
        {
            Error(SyntaxDiagnosticCodes.UnknownSinkKind, $"expected 'external' or 'control' in sink(...), found {Found}");
            return null;
        }
        Advance();
        if (!Expect(TokenKind.CloseParen, "')' after the sink kind"))
            return null;
        return new SinkEffectSyntax(kind, SpanFrom(keyword));
    }
}
