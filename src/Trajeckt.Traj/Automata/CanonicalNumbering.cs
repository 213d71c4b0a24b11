namespace Trajeckt.Traj.Automata;

/// <summary>
/// Renumbers a minimal <see cref="SymbolicDfa"/> canonically (docs/semantics.md: start state 0, then
/// breadth-first, each state's transitions in ascending tool index) and expands default transitions
/// into the per-tool rows of a <see cref="PlanDfa"/>.
/// </summary>
internal static class CanonicalNumbering
{
    /// <summary>
    /// The canonical table, or <see langword="null"/> when it would hold more than
    /// <paramref name="maxTransitions"/> transitions. The start state must not be -1.
    /// </summary>
    public static PlanDfa? Apply(SymbolicDfa dfa, int toolCount, int maxTransitions)
    {
        var order = BreadthFirstOrder(dfa, toolCount, out var canonical);
        long transitionCount = 0;
        foreach (var state in order)
            transitionCount += RowLength(dfa, state, toolCount);
        if (transitionCount > maxTransitions)
            return null;

        var accepting = new bool[order.Count];
        var start = new int[order.Count + 1];
        var rowTools = new int[transitionCount];
        var rowTargets = new int[transitionCount];
        var next = 0;
        for (var n = 0; n < order.Count; n++)
        {
            var state = order[n];
            accepting[n] = dfa.Accepting[state];
            start[n] = next;
            foreach (var (tool, target) in Row(dfa, state, toolCount))
            {
                rowTools[next] = tool;
                rowTargets[next] = canonical[target];
                next++;
            }
        }
        start[order.Count] = next;
        return new PlanDfa(accepting, start, rowTools, rowTargets);
    }

    private static List<int> BreadthFirstOrder(SymbolicDfa dfa, int toolCount, out int[] canonical)
    {
        canonical = new int[dfa.StateCount];
        for (var s = 0; s < canonical.Length; s++)
            canonical[s] = -1;
        var order = new List<int> { dfa.Start };
        canonical[dfa.Start] = 0;
        for (var head = 0; head < order.Count; head++)
        {
            foreach (var target in TargetsInToolOrder(dfa, order[head], toolCount))
            {
                if (target >= 0 && canonical[target] < 0)
                {
                    canonical[target] = order.Count;
                    order.Add(target);
                }
            }
        }
        return order;
    }

    // The targets in the order a scan over tools 0, 1, ... meets them, without scanning every tool: the
    // default is first met at the smallest tool that has no explicit transition.
    private static IEnumerable<int> TargetsInToolOrder(SymbolicDfa dfa, int state, int toolCount)
    {
        var tools = dfa.ExplicitTools[state];
        var targets = dfa.ExplicitTargets[state];
        var defaultTarget = dfa.DefaultTargets[state];
        var firstDefaultTool = FirstToolWithoutExplicit(tools);
        var defaultPending = defaultTarget >= 0 && firstDefaultTool < toolCount;
        for (var i = 0; i < tools.Length; i++)
        {
            if (defaultPending && firstDefaultTool < tools[i])
            {
                defaultPending = false;
                yield return defaultTarget;
            }
            yield return targets[i];
        }
        if (defaultPending)
            yield return defaultTarget;
    }

    private static int FirstToolWithoutExplicit(int[] tools)
    {
        var tool = 0;
        while (tool < tools.Length && tools[tool] == tool)
            tool++;
        return tool;
    }

    private static long RowLength(SymbolicDfa dfa, int state, int toolCount)
    {
        long accepted = dfa.DefaultTargets[state] >= 0 ? toolCount - dfa.ExplicitTools[state].Length : 0;
        foreach (var target in dfa.ExplicitTargets[state])
        {
            if (target >= 0)
                accepted++;
        }
        return accepted;
    }

    private static IEnumerable<(int Tool, int Target)> Row(SymbolicDfa dfa, int state, int toolCount)
    {
        var tools = dfa.ExplicitTools[state];
        var targets = dfa.ExplicitTargets[state];
        var defaultTarget = dfa.DefaultTargets[state];
        if (defaultTarget < 0)
        {
            for (var i = 0; i < tools.Length; i++)
            {
                if (targets[i] >= 0)
                    yield return (tools[i], targets[i]);
            }
            yield break;
        }
        var explicitIndex = 0;
        for (var tool = 0; tool < toolCount; tool++)
        {
            var target = defaultTarget;
            if (explicitIndex < tools.Length && tools[explicitIndex] == tool)
                target = targets[explicitIndex++];
            if (target >= 0)
                yield return (tool, target);
        }
    }
}
