namespace Trajeckt.Traj.Automata;

/// <summary>Drops the states of a <see cref="SymbolicDfa"/> from which no accepting state can be reached.</summary>
internal static class DeadStateRemoval
{
    /// <summary>
    /// Returns the live part of <paramref name="dfa"/>, renumbered in the old order; transitions into dead
    /// states become refusals. <see cref="SymbolicDfa.Start"/> is -1 when the start state is dead (the
    /// language is empty). States unreachable from the start stay unreachable, as the subset
    /// construction makes none.
    /// </summary>
    public static SymbolicDfa Apply(SymbolicDfa dfa)
    {
        var live = LiveStates(dfa);
        var newIndex = new int[dfa.StateCount];
        var liveCount = 0;
        for (var s = 0; s < dfa.StateCount; s++)
            newIndex[s] = live[s] ? liveCount++ : -1;

        var accepting = new bool[liveCount];
        var tools = new int[liveCount][];
        var targets = new int[liveCount][];
        var defaults = new int[liveCount];
        for (var s = 0; s < dfa.StateCount; s++)
        {
            var n = newIndex[s];
            if (n < 0)
                continue;
            accepting[n] = dfa.Accepting[s];
            defaults[n] = Map(dfa.DefaultTargets[s], newIndex);
            var keptTools = new List<int>();
            var keptTargets = new List<int>();
            for (var i = 0; i < dfa.ExplicitTools[s].Length; i++)
            {
                var target = Map(dfa.ExplicitTargets[s][i], newIndex);
                // A refusal is only worth keeping where it overrides a live default.
                if (target == defaults[n])
                    continue;
                keptTools.Add(dfa.ExplicitTools[s][i]);
                keptTargets.Add(target);
            }
            tools[n] = keptTools.ToArray();
            targets[n] = keptTargets.ToArray();
        }
        return new SymbolicDfa(Map(dfa.Start, newIndex), accepting, tools, targets, defaults);
    }

    private static int Map(int state, int[] newIndex) => state < 0 ? -1 : newIndex[state];

    private static bool[] LiveStates(SymbolicDfa dfa)
    {
        // Reverse adjacency as linked lists over an edge pool.
        var head = new int[dfa.StateCount];
        for (var s = 0; s < head.Length; s++)
            head[s] = -1;
        var next = new List<int>();
        var source = new List<int>();
        void AddReverse(int from, int to)
        {
            if (to < 0)
                return;
            source.Add(from);
            next.Add(head[to]);
            head[to] = source.Count - 1;
        }
        for (var s = 0; s < dfa.StateCount; s++)
        {
            AddReverse(s, dfa.DefaultTargets[s]);
            foreach (var target in dfa.ExplicitTargets[s])
                AddReverse(s, target);
        }

        var live = new bool[dfa.StateCount];
        var pending = new Stack<int>();
        for (var s = 0; s < dfa.StateCount; s++)
        {
            if (dfa.Accepting[s])
            {
                live[s] = true;
                pending.Push(s);
            }
        }
        while (pending.Count > 0)
        {
            for (var edge = head[pending.Pop()]; edge >= 0; edge = next[edge])
            {
                var from = source[edge];
                if (!live[from])
                {
                    live[from] = true;
                    pending.Push(from);
                }
            }
        }
        return live;
    }
}
