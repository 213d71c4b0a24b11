namespace Trajeckt.Traj.Syntax;

/// <summary>Structural equality of syntax trees, for round-trip checks of the formatter and tools that compare policies.</summary>
public static class SyntaxEquivalence
{
    /// <summary>
    /// Whether <paramref name="a"/> and <paramref name="b"/> have the same trajectories, statements,
    /// effects and plans in the same order. Spans, <see cref="NameSyntax.IsQuoted"/> and
    /// <see cref="PolicySyntax.FilePath"/> are ignored; names compare by value, ordinally. Plan groups
    /// count: <c>(a)</c> and <c>a</c> are not equivalent trees, although they are the same language.
    /// </summary>
    /// <param name="a">One policy.</param>
    /// <param name="b">The other policy.</param>
    /// <returns>True when the trees match.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is null.</exception>
    public static bool AreEquivalent(PolicySyntax a, PolicySyntax b)
    {
        if (a is null)
            throw new ArgumentNullException(nameof(a));
        if (b is null)
            throw new ArgumentNullException(nameof(b));
        return ListsMatch(a.Trajectories, b.Trajectories, TrajectoriesMatch);
    }

    private static bool TrajectoriesMatch(TrajectorySyntax a, TrajectorySyntax b) =>
        NamesMatch(a.Name, b.Name) && ListsMatch(a.Statements, b.Statements, StatementsMatch);

    private static bool StatementsMatch(StatementSyntax a, StatementSyntax b) => (a, b) switch
    {
        (ToolStatementSyntax x, ToolStatementSyntax y) => NamesMatch(x.Name, y.Name) && ListsMatch(x.Effects, y.Effects, EffectsMatch),
        (PlanStatementSyntax x, PlanStatementSyntax y) => PlansMatch(x.Expression, y.Expression),
        (FlowStatementSyntax x, FlowStatementSyntax y) => NamesMatch(x.Label, y.Label) && ListsMatch(x.Tools, y.Tools, NamesMatch),
        (FloorStatementSyntax x, FloorStatementSyntax y) => x.Level.Value == y.Level.Value && OptionalListsMatch(x.Tools, y.Tools),
        (AuthorizeStatementSyntax x, AuthorizeStatementSyntax y) => x.Level.Value == y.Level.Value && ListsMatch(x.Tools, y.Tools, NamesMatch),
        (BudgetStatementSyntax x, BudgetStatementSyntax y) => x.Calls == y.Calls,
        (PinStatementSyntax x, PinStatementSyntax y) => NamesMatch(x.Tool, y.Tool) && NamesMatch(x.Hash, y.Hash),
        _ => false,
    };

    private static bool EffectsMatch(EffectSyntax a, EffectSyntax b) => (a, b) switch
    {
        (SensitiveEffectSyntax x, SensitiveEffectSyntax y) => ListsMatch(x.Labels, y.Labels, NamesMatch),
        (OriginEffectSyntax x, OriginEffectSyntax y) => x.Level.Value == y.Level.Value,
        (SinkEffectSyntax x, SinkEffectSyntax y) => x.Kind == y.Kind,
        (ShellEffectSyntax, ShellEffectSyntax) => true,
        (EgressEffectSyntax, EgressEffectSyntax) => true,
        _ => false,
    };

    private static bool PlansMatch(PlanExpressionSyntax a, PlanExpressionSyntax b) => (a, b) switch
    {
        (PlanToolSyntax x, PlanToolSyntax y) => NamesMatch(x.Name, y.Name),
        (PlanWildcardSyntax, PlanWildcardSyntax) => true,
        (PlanSequenceSyntax x, PlanSequenceSyntax y) => ListsMatch(x.Items, y.Items, PlansMatch),
        (PlanAlternationSyntax x, PlanAlternationSyntax y) => ListsMatch(x.Alternatives, y.Alternatives, PlansMatch),
        (PlanRepeatSyntax x, PlanRepeatSyntax y) => x.Kind == y.Kind && PlansMatch(x.Operand, y.Operand),
        (PlanGroupSyntax x, PlanGroupSyntax y) => PlansMatch(x.Inner, y.Inner),
        _ => false,
    };

    private static bool NamesMatch(NameSyntax a, NameSyntax b) => string.Equals(a.Value, b.Value, StringComparison.Ordinal);

    private static bool OptionalListsMatch(IReadOnlyList<NameSyntax>? a, IReadOnlyList<NameSyntax>? b) =>
        a is null || b is null ? a is null && b is null : ListsMatch(a, b, NamesMatch);

    private static bool ListsMatch<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, T, bool> match)
    {
        if (a.Count != b.Count)
            return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!match(a[i], b[i]))
                return false;
        }
        return true;
    }
}
