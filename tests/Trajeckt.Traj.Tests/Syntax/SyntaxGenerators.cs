using CsCheck;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Tests.Syntax;

// CsCheck generators for Traj: syntax trees of the shapes the parser produces (names chosen to need
// quoting often), token soups built from the language's own tokens, and arbitrary text.
internal static class SyntaxGenerators
{
    private static readonly TextSpan s_noSpan = default;

    private static readonly string[] s_keywordsAndTrickyNames =
    {
        "tool", "plan", "flow", "floor", "authorize", "budget", "trajectory", "for", "by", "calls",
        "sensitive", "origin", "sink", "shell", "egress", "external", "control", "Untrusted", "TrustedUser",
        "_", "__", "a-", "a/", "a.b", "x->y", "x//y", "x/*y", "a-/b", "9", "-", "/", "*", "\"", "\\", "é", "\U0001F600",
    };

    private static Gen<string> StringOf(string chars, int min, int max) =>
        Gen.Char[chars].Array[min, max].Select(a => new string(a));

    private static readonly Gen<string> s_identifier =
        Gen.Select(StringOf("abzAZ_", 1, 1), StringOf("az09_.-/", 0, 5), (head, tail) => head + tail);

    public static readonly Gen<string> NameValue = Gen.Frequency(
        (4, s_identifier),
        (2, Gen.OneOf(s_keywordsAndTrickyNames.Select(Gen.Const).ToArray())),
        (2, StringOf("ab _-/*>\"\\.\té{}();,|?+:#", 1, 6)));

    private static readonly Gen<NameSyntax> s_name = Gen.Select(NameValue, Gen.Bool, (value, quoted) => new NameSyntax(value, quoted, s_noSpan));

    private static readonly Gen<IReadOnlyList<NameSyntax>> s_names = s_name.Array[1, 3].Select(a => (IReadOnlyList<NameSyntax>)a);

    private static readonly Gen<TrustSyntax> s_trust = Gen.Enum<Trust>().Select(t => new TrustSyntax(t, s_noSpan));

    private static readonly Gen<EffectSyntax> s_effect = Gen.OneOf<EffectSyntax>(
        s_names.Select(n => (EffectSyntax)new SensitiveEffectSyntax(n, s_noSpan)),
        s_trust.Select(t => (EffectSyntax)new OriginEffectSyntax(t, s_noSpan)),
        Gen.Enum<SinkEffectKind>().Select(k => (EffectSyntax)new SinkEffectSyntax(k, s_noSpan)),
        Gen.Const<EffectSyntax>(new ShellEffectSyntax(s_noSpan)),
        Gen.Const<EffectSyntax>(new EgressEffectSyntax(s_noSpan)));

    /// <summary>Plans as the parser builds them: alternation of sequences of repeated atoms, lists of two or more.</summary>
    public static Gen<PlanExpressionSyntax> Plan(int depth)
    {
        var atom = depth == 0
            ? Gen.Frequency((4, s_name.Select(n => (PlanExpressionSyntax)new PlanToolSyntax(n))), (1, Gen.Const<PlanExpressionSyntax>(new PlanWildcardSyntax(s_noSpan))))
            : Gen.Frequency(
                (4, s_name.Select(n => (PlanExpressionSyntax)new PlanToolSyntax(n))),
                (1, Gen.Const<PlanExpressionSyntax>(new PlanWildcardSyntax(s_noSpan))),
                (2, Plan(depth - 1).Select(inner => (PlanExpressionSyntax)new PlanGroupSyntax(inner, s_noSpan))));
        var postfix = Gen.Select(atom, Gen.Enum<PlanRepeatKind>().Array[0, 2], (operand, kinds) =>
            kinds.Aggregate(operand, (e, kind) => new PlanRepeatSyntax(e, kind, s_noSpan)));
        var sequence = postfix.Array[1, 3].Select(items => items.Length == 1 ? items[0] : new PlanSequenceSyntax(items, s_noSpan));
        return sequence.Array[1, 3].Select(items => items.Length == 1 ? items[0] : new PlanAlternationSyntax(items, s_noSpan));
    }

    private static readonly Gen<StatementSyntax> s_statement = Gen.OneOf<StatementSyntax>(
        Gen.Select(s_name, s_effect.Array[0, 3], (n, e) => (StatementSyntax)new ToolStatementSyntax(n, e, s_noSpan)),
        Plan(3).Select(p => (StatementSyntax)new PlanStatementSyntax(p, s_noSpan)),
        Gen.Select(s_name, s_names, (l, t) => (StatementSyntax)new FlowStatementSyntax(l, t, s_noSpan)),
        Gen.Select(s_trust, Gen.Bool, s_names, (l, hasTools, t) => (StatementSyntax)new FloorStatementSyntax(l, hasTools ? t : null, s_noSpan)),
        Gen.Select(s_names, s_trust, (t, l) => (StatementSyntax)new AuthorizeStatementSyntax(t, l, s_noSpan)),
        Gen.Int[0, int.MaxValue].Select(n => (StatementSyntax)new BudgetStatementSyntax(n, s_noSpan)));

    private static readonly Gen<TrajectorySyntax> s_trajectory =
        Gen.Select(s_name, s_statement.Array[0, 6], (n, s) => new TrajectorySyntax(n, s, s_noSpan));

    public static readonly Gen<PolicySyntax> Policy =
        s_trajectory.Array[1, 3].Select(t => new PolicySyntax("generated.traj", t));

    private static readonly string[] s_tokens =
    {
        "trajectory", "tool", "plan", "flow", "floor", "authorize", "budget", "calls", "for", "by",
        "sensitive", "origin", "sink", "shell", "egress", "external", "control",
        "Untrusted", "Memory", "External", "ToolOutput", "CleanWorkspace", "TrustedUser",
        "a", "b", "_", "\"_\"", "\"x y\"", "\"\"", "\"a\\q\"", "\"open", "20", "99999999999",
        "{", "}", "(", ")", ";", ":", ",", "|", "*", "+", "?", "->", "-", "/", "//", "/*", "*/", "@", "\n", " ",
    };

    /// <summary>Sequences of the language's own tokens (and near misses), joined with or without spaces.</summary>
    public static readonly Gen<string> TokenSoup = Gen.Select(
        Gen.OneOf(s_tokens.Select(Gen.Const).ToArray()).Array[0, 60],
        Gen.Bool,
        (tokens, spaced) => string.Join(spaced ? " " : "", tokens));

    /// <summary>Arbitrary text, weighted toward the characters Traj gives meaning to.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (1, Gen.String),
        (3, StringOf("trajectoyplnfwbudgsk_ {}();:,|*+?->/\"\\\r\n\t0129@é", 0, 80)));
}
