using Trajeckt.Traj.Automata;

namespace Trajeckt.Traj.Learning;

/// <summary>
/// Writes the language of a plan DFA as one regular expression by state elimination (Brzozowski and
/// McCluskey): a fresh start and end state are added, then every DFA state is removed, the one with
/// the fewest paths through it first (ties by state number, so the result is deterministic), each
/// removal rerouting its in-edges to its out-edges through its self-loop.
/// </summary>
internal static class StateElimination
{
    /// <summary>
    /// Returns the expression, or <see langword="null"/> as soon as an edge's expression grows longer than
    /// <paramref name="maxLength"/> characters, or the edges written so far add up to sixteen times that:
    /// state elimination can grow exponentially with the automaton, and the bounds keep that from costing
    /// minutes and gigabytes before the result is refused anyway.
    /// </summary>
    public static LearnedRegex? ToRegex(PlanDfa dfa, IReadOnlyList<string> toolNames, int maxLength)
    {
        var n = dfa.StateCount;
        int start = n, end = n + 1;
        var outgoing = new Dictionary<int, LearnedRegex>[n + 2];
        var incoming = new Dictionary<int, LearnedRegex>[n + 2];
        for (var s = 0; s < n + 2; s++)
        {
            outgoing[s] = new Dictionary<int, LearnedRegex>();
            incoming[s] = new Dictionary<int, LearnedRegex>();
        }
        void AddEdge(int from, int to, LearnedRegex label)
        {
            var combined = outgoing[from].TryGetValue(to, out var existing) ? LearnedRegex.Alternation(existing, label) : label;
            outgoing[from][to] = combined;
            incoming[to][from] = combined;
        }

        AddEdge(start, 0, LearnedRegex.Epsilon);
        for (var s = 0; s < n; s++)
        {
            if (dfa.Accepting[s])
                AddEdge(s, end, LearnedRegex.Epsilon);
            for (var i = dfa.TransitionStart[s]; i < dfa.TransitionStart[s + 1]; i++)
                AddEdge(s, dfa.TransitionTarget[i], LearnedRegex.Tool(toolNames[dfa.TransitionTool[i]]));
        }

        var written = 0L;
        var remaining = new SortedSet<int>(Enumerable.Range(0, n));
        while (remaining.Count > 0)
        {
            var victim = remaining.OrderBy(s => Cost(s, incoming, outgoing)).ThenBy(s => s).First();
            remaining.Remove(victim);
            var loop = outgoing[victim].TryGetValue(victim, out var self) ? LearnedRegex.Star(self) : LearnedRegex.Epsilon;
            var sources = incoming[victim].Where(p => p.Key != victim).OrderBy(p => p.Key).ToList();
            var targets = outgoing[victim].Where(p => p.Key != victim).OrderBy(p => p.Key).ToList();
            foreach (var source in sources)
                outgoing[source.Key].Remove(victim);
            foreach (var target in targets)
                incoming[target.Key].Remove(victim);
            foreach (var source in sources)
            {
                foreach (var target in targets)
                {
                    AddEdge(source.Key, target.Key, LearnedRegex.Sequence(source.Value, loop, target.Value));
                    var length = outgoing[source.Key][target.Key].Key.Length;
                    written += length;
                    if (length > maxLength || written > 16L * maxLength)
                        return null;
                }
            }
        }
        return outgoing[start].TryGetValue(end, out var result) ? result : throw new InvalidOperationException("The automaton accepts nothing.");
    }

    private static long Cost(int state, Dictionary<int, LearnedRegex>[] incoming, Dictionary<int, LearnedRegex>[] outgoing)
    {
        long ins = incoming[state].Keys.Count(k => k != state);
        long outs = outgoing[state].Keys.Count(k => k != state);
        return ins * outs;
    }
}
