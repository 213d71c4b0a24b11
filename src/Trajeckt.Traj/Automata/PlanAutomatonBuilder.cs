using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Automata;

/// <summary>
/// Compiles plans to the canonical minimal DFA of docs/semantics.md: regex -> class-labelled Thompson NFA
/// -> subset construction with default transitions -> dead-state removal -> Moore minimization ->
/// breadth-first numbering -> per-tool rows.
/// </summary>
internal static class PlanAutomatonBuilder
{
    /// <summary>
    /// Builds the automaton of the union of <paramref name="plans"/> over tools
    /// 0..<paramref name="toolCount"/>-1; an empty list means the plan <c>_*</c>. An empty language or an
    /// automaton over <paramref name="maxStates"/> states (or <paramref name="maxWork"/> steps of
    /// construction work, or <c>GraphLimits.MaxTransitions</c> transitions) is reported in the result, not thrown.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range, or a plan names a tool outside 0..toolCount-1.</exception>
    public static PlanAutomatonResult Build(IReadOnlyList<PlanRegex> plans, int toolCount, int maxStates, long maxWork = long.MaxValue)
    {
        if (plans is null)
            throw new ArgumentNullException(nameof(plans));
        if (toolCount < 0)
            throw new ArgumentOutOfRangeException(nameof(toolCount), toolCount, "The tool count is not negative.");
        if (maxStates < 1)
            throw new ArgumentOutOfRangeException(nameof(maxStates), maxStates, "The state bound is at least 1.");

        var union = plans.Count == 0 ? new[] { PlanRegex.Star(PlanRegex.Any) } : plans;
        var nfa = PlanNfa.Build(union, toolCount);
        var subsets = SubsetConstruction.Run(nfa, toolCount, maxStates, maxWork, out var statesSeen, out var exceeded);
        if (subsets is null)
            return PlanAutomatonResult.TooLarge(exceeded, statesSeen);
        var live = DeadStateRemoval.Apply(subsets);
        if (live.Start < 0)
            return PlanAutomatonResult.Empty(statesSeen);
        var minimal = DfaMinimizer.Minimize(live, toolCount);
        var dfa = CanonicalNumbering.Apply(minimal, toolCount, GraphLimits.MaxTransitions);
        return dfa is null ? PlanAutomatonResult.TooLarge(PlanAutomatonLimit.Transitions, statesSeen) : PlanAutomatonResult.Built(dfa, statesSeen);
    }
}
