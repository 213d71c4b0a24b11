using Trajeckt.Traj.Automata;

namespace Trajeckt.Traj.Tests.PlanAutomata;

/// <summary>Independent checks of the shape docs/semantics.md requires of a plan automaton.</summary>
internal static class DfaInvariants
{
    /// <summary>Rows well formed and sorted, targets in range, canonical BFS numbering, no dead states, minimal.</summary>
    public static void AssertCanonical(PlanDfa dfa, int toolCount)
    {
        AssertRows(dfa, toolCount);
        Assert.Equal(Enumerable.Range(0, dfa.StateCount), BreadthFirstOrder(dfa));
        AssertNoDeadStates(dfa);
        AssertMinimal(dfa, toolCount);
    }

    private static void AssertRows(PlanDfa dfa, int toolCount)
    {
        Assert.True(dfa.StateCount >= 1);
        Assert.Equal(dfa.StateCount + 1, dfa.TransitionStart.Length);
        Assert.Equal(0, dfa.TransitionStart[0]);
        Assert.Equal(dfa.TransitionTool.Length, dfa.TransitionStart[dfa.StateCount]);
        Assert.Equal(dfa.TransitionTool.Length, dfa.TransitionTarget.Length);
        for (var s = 0; s < dfa.StateCount; s++)
        {
            for (var i = dfa.TransitionStart[s]; i < dfa.TransitionStart[s + 1]; i++)
            {
                Assert.InRange(dfa.TransitionTool[i], 0, toolCount - 1);
                Assert.InRange(dfa.TransitionTarget[i], 0, dfa.StateCount - 1);
                if (i > dfa.TransitionStart[s])
                    Assert.True(dfa.TransitionTool[i - 1] < dfa.TransitionTool[i], $"row {s} is not strictly ascending");
            }
        }
    }

    // The order in which a breadth-first walk from state 0, rows in tool order, first meets each state.
    private static List<int> BreadthFirstOrder(PlanDfa dfa)
    {
        var order = new List<int> { 0 };
        var seen = new HashSet<int> { 0 };
        for (var head = 0; head < order.Count; head++)
        {
            var s = order[head];
            for (var i = dfa.TransitionStart[s]; i < dfa.TransitionStart[s + 1]; i++)
            {
                if (seen.Add(dfa.TransitionTarget[i]))
                    order.Add(dfa.TransitionTarget[i]);
            }
        }
        return order;
    }

    private static void AssertNoDeadStates(PlanDfa dfa)
    {
        var live = new bool[dfa.StateCount];
        for (var s = 0; s < dfa.StateCount; s++)
            live[s] = dfa.Accepting[s];
        for (var changed = true; changed;)
        {
            changed = false;
            for (var s = 0; s < dfa.StateCount; s++)
            {
                if (live[s])
                    continue;
                for (var i = dfa.TransitionStart[s]; i < dfa.TransitionStart[s + 1]; i++)
                {
                    if (live[dfa.TransitionTarget[i]])
                    {
                        live[s] = changed = true;
                        break;
                    }
                }
            }
        }
        Assert.All(live, Assert.True);
    }

    // Myhill-Nerode by table filling over the completed automaton (an explicit sink for refusals): two
    // states are equivalent iff no word tells them apart; a minimal automaton has no equivalent pair.
    private static void AssertMinimal(PlanDfa dfa, int toolCount)
    {
        var n = dfa.StateCount + 1;
        var sink = n - 1;
        int Next(int s, int tool) => s == sink ? sink : dfa.Step(s, tool) is var t && t >= 0 ? t : sink;
        bool Accepts(int s) => s != sink && dfa.Accepting[s];
        var distinct = new bool[n, n];
        for (var p = 0; p < n; p++)
            for (var q = 0; q < n; q++)
                distinct[p, q] = Accepts(p) != Accepts(q);
        for (var changed = true; changed;)
        {
            changed = false;
            for (var p = 0; p < n; p++)
            {
                for (var q = 0; q < n; q++)
                {
                    if (distinct[p, q])
                        continue;
                    for (var tool = 0; tool < toolCount; tool++)
                    {
                        if (distinct[Next(p, tool), Next(q, tool)])
                        {
                            distinct[p, q] = changed = true;
                            break;
                        }
                    }
                }
            }
        }
        for (var p = 0; p < n; p++)
        {
            for (var q = p + 1; q < n; q++)
                Assert.True(distinct[p, q], $"states {(p == sink ? "sink" : p)} and {(q == sink ? "sink" : q)} are equivalent");
        }
    }
}
