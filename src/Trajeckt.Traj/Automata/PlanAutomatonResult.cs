namespace Trajeckt.Traj.Automata;

/// <summary>The outcome of <see cref="PlanAutomatonBuilder.Build"/>: an automaton, or why there is none.</summary>
internal sealed class PlanAutomatonResult
{
    private PlanAutomatonResult(bool isEmptyLanguage, bool exceededStateBound, int statesSeen, PlanDfa? dfa)
    {
        IsEmptyLanguage = isEmptyLanguage;
        ExceededStateBound = exceededStateBound;
        StatesSeen = statesSeen;
        Dfa = dfa;
    }

    /// <summary>The plans accept no word at all (not even the empty one); <see cref="Dfa"/> is null.</summary>
    public bool IsEmptyLanguage { get; }

    /// <summary>
    /// The automaton is over the size bound: the subset construction needed more than the allowed number
    /// of states, or the final table would hold more than <c>GraphLimits.MaxTransitions</c> transitions.
    /// <see cref="Dfa"/> is null.
    /// </summary>
    public bool ExceededStateBound { get; }

    /// <summary>
    /// The states the subset construction created (before minimization); past the bound, the bound plus one.
    /// </summary>
    public int StatesSeen { get; }

    /// <summary>The canonical minimal automaton, when the language is not empty and within the bound.</summary>
    public PlanDfa? Dfa { get; }

    internal static PlanAutomatonResult Built(PlanDfa dfa, int statesSeen) => new(false, false, statesSeen, dfa);

    internal static PlanAutomatonResult Empty(int statesSeen) => new(true, false, statesSeen, null);

    internal static PlanAutomatonResult TooLarge(int statesSeen) => new(false, true, statesSeen, null);
}
