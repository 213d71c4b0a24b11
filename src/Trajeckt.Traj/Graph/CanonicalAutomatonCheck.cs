using Trajeckt.Traj.Automata;

namespace Trajeckt.Traj.Graph;

/// <summary>
/// Checks that a decoded plan automaton is in the canonical form the compiler writes: states numbered in
/// breadth-first order from state 0 (so every state is reachable), no dead states, and minimal. Rows are
/// already sorted and unique by construction of the gap coding.
/// </summary>
internal static class CanonicalAutomatonCheck
{
    public static void Run(PlanTable table, int toolCount)
    {
        CheckBreadthFirstNumbering(table);
        CheckNoDeadStates(table);
        CheckMinimal(table, toolCount);
    }

    // Without this, two encodings of one plan could both decode, and equal plans would not imply equal digests.
    private static void CheckMinimal(PlanTable table, int toolCount)
    {
        var tools = new int[table.StateCount][];
        var targets = new int[table.StateCount][];
        var defaults = new int[table.StateCount];
        var counts = new int[table.StateCount];
        for (var state = 0; state < table.StateCount; state++)
        {
            int first = table.TransitionStart[state], length = table.TransitionStart[state + 1] - first;
            // A full row (a wildcard's) becomes its most common target as the default plus the exceptions,
            // so the minimizer compares a few entries instead of one per tool.
            defaults[state] = length == toolCount && length > 0 ? MostCommonTarget(table, first, length, counts) : -1;
            var kept = 0;
            for (var i = first; i < first + length; i++)
            {
                if (table.TransitionTarget[i] != defaults[state])
                    kept++;
            }
            tools[state] = new int[kept];
            targets[state] = new int[kept];
            for (int i = first, k = 0; i < first + length; i++)
            {
                if (table.TransitionTarget[i] == defaults[state])
                    continue;
                tools[state][k] = table.TransitionTool[i];
                targets[state][k++] = table.TransitionTarget[i];
            }
        }
        var dfa = new SymbolicDfa(0, table.Accepting, tools, targets, defaults);
        if (!DfaMinimizer.IsMinimal(dfa, toolCount))
            throw GraphReader.Fail(GraphFormatErrorKind.NotCanonical, table.Offset, "The plan automaton is not minimal: two of its states accept the same continuations.");
    }

    private static int MostCommonTarget(PlanTable table, int first, int length, int[] counts)
    {
        var best = table.TransitionTarget[first];
        for (var i = first; i < first + length; i++)
        {
            var target = table.TransitionTarget[i];
            if (++counts[target] > counts[best])
                best = target;
        }
        for (var i = first; i < first + length; i++)
            counts[table.TransitionTarget[i]] = 0;
        return best;
    }

    // A breadth-first walk that visits rows in tool order must meet unseen states as 1, 2, 3, ...
    private static void CheckBreadthFirstNumbering(PlanTable table)
    {
        var discovered = 1;
        for (var state = 0; state < table.StateCount && state < discovered; state++)
        {
            for (var i = table.TransitionStart[state]; i < table.TransitionStart[state + 1]; i++)
            {
                var target = table.TransitionTarget[i];
                if (target < discovered)
                    continue;
                if (target != discovered)
                    throw GraphReader.Fail(GraphFormatErrorKind.NotCanonical, table.Offset, $"State {state} leads to state {target} where breadth-first numbering expects state {discovered}.");
                discovered++;
            }
        }
        if (discovered < table.StateCount)
            throw GraphReader.Fail(GraphFormatErrorKind.NotCanonical, table.Offset, $"State {discovered} is unreachable from the start state.");
    }

    private static void CheckNoDeadStates(PlanTable table)
    {
        var head = new int[table.StateCount];
        for (var s = 0; s < head.Length; s++)
            head[s] = -1;
        var next = new int[table.TransitionTarget.Length];
        var source = new int[table.TransitionTarget.Length];
        for (var state = 0; state < table.StateCount; state++)
        {
            for (var i = table.TransitionStart[state]; i < table.TransitionStart[state + 1]; i++)
            {
                source[i] = state;
                next[i] = head[table.TransitionTarget[i]];
                head[table.TransitionTarget[i]] = i;
            }
        }
        var live = new bool[table.StateCount];
        var pending = new Stack<int>();
        for (var state = 0; state < table.StateCount; state++)
        {
            if (table.Accepting[state])
            {
                live[state] = true;
                pending.Push(state);
            }
        }
        while (pending.Count > 0)
        {
            for (var edge = head[pending.Pop()]; edge >= 0; edge = next[edge])
            {
                if (!live[source[edge]])
                {
                    live[source[edge]] = true;
                    pending.Push(source[edge]);
                }
            }
        }
        for (var state = 0; state < table.StateCount; state++)
        {
            if (!live[state])
                throw GraphReader.Fail(GraphFormatErrorKind.NotCanonical, table.Offset, $"State {state} cannot reach an accepting state.");
        }
    }
}
