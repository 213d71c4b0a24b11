namespace Trajeckt.Traj.Automata;

/// <summary>The outcome of <see cref="PlanAutomatonBuilder.Build"/>: an automaton, or why there is none.</summary>
internal sealed class PlanAutomatonResult
{
    private PlanAutomatonResult(bool isEmptyLanguage, PlanAutomatonLimit exceeded, int statesSeen, PlanDfa? dfa)
    {
        IsEmptyLanguage = isEmptyLanguage;
        Exceeded = exceeded;
        StatesSeen = statesSeen;
        Dfa = dfa;
    }

    /// <summary>The plans accept no word at all (not even the empty one); <see cref="Dfa"/> is null.</summary>
    public bool IsEmptyLanguage { get; }

    /// <summary>
    /// The bound that stopped the build: the subset construction needed more than the allowed number of
    /// states or steps of work, or the final table would hold more than <c>GraphLimits.MaxTransitions</c>
    /// transitions; then <see cref="Dfa"/> is null. <see cref="PlanAutomatonLimit.None"/> otherwise.
    /// </summary>
    public PlanAutomatonLimit Exceeded { get; }

    /// <summary>Whether a bound stopped the build (<see cref="Exceeded"/> is not None).</summary>
    public bool ExceededBound => Exceeded != PlanAutomatonLimit.None;

    /// <summary>
    /// The states the subset construction created (before minimization); past the bound, the bound plus one.
    /// </summary>
    public int StatesSeen { get; }

    /// <summary>The canonical minimal automaton, when the language is not empty and within the bound.</summary>
    public PlanDfa? Dfa { get; }

    internal static PlanAutomatonResult Built(PlanDfa dfa, int statesSeen) => new(false, PlanAutomatonLimit.None, statesSeen, dfa);

    internal static PlanAutomatonResult Empty(int statesSeen) => new(true, PlanAutomatonLimit.None, statesSeen, null);

    internal static PlanAutomatonResult TooLarge(PlanAutomatonLimit exceeded, int statesSeen) => new(false, exceeded, statesSeen, null);
}
