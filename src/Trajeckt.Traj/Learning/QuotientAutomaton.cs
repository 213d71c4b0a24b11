using Trajeckt.Traj.Automata;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Learning;

/// <summary>
/// Turns a partition of a prefix tree into the canonical minimal DFA of its quotient, through the same
/// dead-state removal, minimization and numbering the compiler uses for plans, so a learned automaton
/// and a compiled plan of the same language are equal table for table.
/// </summary>
internal static class QuotientAutomaton
{
    /// <summary>The canonical DFA, or <see langword="null"/> when it exceeds the graph limits.</summary>
    public static PlanDfa? Build(PrefixTree tree, int[] blockOf, int blockCount, int toolCount)
    {
        // The quotient as an NFA: block -> tool -> blocks.
        var accepting = new bool[blockCount];
        var edges = new SortedDictionary<int, SortedSet<int>>[blockCount];
        for (var s = 0; s < tree.StateCount; s++)
        {
            var from = blockOf[s];
            accepting[from] |= tree.Accepting[s];
            var row = edges[from] ??= new SortedDictionary<int, SortedSet<int>>();
            for (var i = tree.ChildStart[s]; i < tree.ChildStart[s + 1]; i++)
            {
                if (!row.TryGetValue(tree.ChildTool[i], out var targets))
                    row.Add(tree.ChildTool[i], targets = new SortedSet<int>());
                targets.Add(blockOf[tree.Child[i]]);
            }
        }

        // Subset construction; explicit transitions only (no wildcards in a learned plan).
        var index = new Dictionary<int[], int>(IntArrayComparer.Instance);
        var subsets = new List<int[]>();
        var dfaAccepting = new List<bool>();
        var dfaTools = new List<int[]>();
        var dfaTargets = new List<int[]>();
        int Intern(int[] subset)
        {
            if (index.TryGetValue(subset, out var id))
                return id;
            id = subsets.Count;
            index.Add(subset, id);
            subsets.Add(subset);
            dfaAccepting.Add(subset.Any(b => accepting[b]));
            dfaTools.Add(Array.Empty<int>());
            dfaTargets.Add(Array.Empty<int>());
            return id;
        }
        Intern(new[] { blockOf[0] });
        for (var head = 0; head < subsets.Count; head++)
        {
            if (subsets.Count > GraphLimits.MaxStates)
                return null;
            var row = new SortedDictionary<int, SortedSet<int>>();
            foreach (var block in subsets[head])
            {
                if (edges[block] is null)
                    continue;
                foreach (var pair in edges[block])
                {
                    if (!row.TryGetValue(pair.Key, out var union))
                        row.Add(pair.Key, union = new SortedSet<int>());
                    union.UnionWith(pair.Value);
                }
            }
            var tools = row.Keys.ToArray();
            var targets = new int[tools.Length];
            var i = 0;
            foreach (var pair in row)
                targets[i++] = Intern(pair.Value.ToArray());
            dfaTools[head] = tools;
            dfaTargets[head] = targets;
        }

        var defaults = new int[subsets.Count];
        for (var s = 0; s < defaults.Length; s++)
            defaults[s] = -1;
        var dfa = new SymbolicDfa(0, dfaAccepting.ToArray(), dfaTools.ToArray(), dfaTargets.ToArray(), defaults);
        var live = DeadStateRemoval.Apply(dfa);
        var minimal = DfaMinimizer.Minimize(live, toolCount);
        return CanonicalNumbering.Apply(minimal, toolCount, GraphLimits.MaxTransitions);
    }
}
