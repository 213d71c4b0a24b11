using CsCheck;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Tests.GraphFormat;

/// <summary>
/// An automaton with two equivalent states is refused even when it is otherwise in canonical shape, so
/// one plan cannot have two accepted encodings.
/// </summary>
public class NonMinimalAutomatonTests
{
    [Fact]
    public void A_split_state_is_refused_as_not_canonical()
    {
        var checkedCount = 0;
        Gen.Select(GraphGen.Graph, Gen.Int).Sample((graph, pick) =>
        {
            if (SplitAState(graph, pick) is not { } bytes)
                return;
            checkedCount++;
            Assert.False(GraphDecoder.TryDecode(bytes, out _, out var error));
            Assert.Equal(GraphFormatErrorKind.NotCanonical, error!.Kind);
            Assert.Contains("not minimal", error.Message);
        }, iter: 400);
        Assert.True(checkedCount > 50, $"only {checkedCount} graphs had a state worth splitting");
    }

    [Fact]
    public void Two_states_with_full_rows_to_equivalent_targets_are_refused()
    {
        // s0 -a-> s1, s0 -b-> s2; s1 and s2 accept and take every tool (as a wildcard row does) to
        // themselves: one state in disguise.
        var dfa = new Automata.PlanDfa(new[] { false, true, true }, new[] { 0, 2, 4, 6 }, new[] { 0, 1, 0, 1, 0, 1 }, new[] { 1, 2, 1, 1, 2, 2 });
        var bytes = GraphEncoder.Encode(new TestGraphBuilder("T").Tool("a").Tool("b").Plan(dfa).Build());
        Assert.False(GraphDecoder.TryDecode(bytes, out _, out var error));
        Assert.Contains("not minimal", error!.Message);
    }

    [Fact]
    public void Full_rows_that_differ_in_one_tool_are_minimal()
    {
        // s2's full row sends both tools to the accepting s1; s0 sends b to s2 instead: they differ.
        var dfa = new Automata.PlanDfa(new[] { false, true, false }, new[] { 0, 2, 4, 6 }, new[] { 0, 1, 0, 1, 0, 1 }, new[] { 1, 2, 1, 1, 1, 1 });
        var bytes = GraphEncoder.Encode(new TestGraphBuilder("T").Tool("a").Tool("b").Plan(dfa).Build());
        Assert.True(GraphDecoder.TryDecode(bytes, out var graph, out var error), error?.Message);
        Assert.Equal(3, graph!.StateCount);
    }

    // Copies the target of one transition into a new state with the same row and sends that transition
    // to the copy; the language is unchanged. Only states that stay reachable are split, and the result is
    // renumbered breadth-first so that minimality is the only rule it breaks.
    private static byte[]? SplitAState(CompiledGraph graph, int pick)
    {
        var transitionCount = graph.TransitionCount;
        if (transitionCount == 0)
            return null;
        var incoming = new int[graph.StateCount];
        foreach (var target in graph.TransitionTarget)
            incoming[target]++;
        var candidates = Enumerable.Range(0, transitionCount)
            .Where(i => graph.TransitionTarget[i] == 0 || incoming[graph.TransitionTarget[i]] >= 2)
            .ToArray();
        if (candidates.Length == 0)
            return null;
        var split = candidates[(int)((uint)pick % (uint)candidates.Length)];
        var original = graph.TransitionTarget[split];

        var rows = Enumerable.Range(0, graph.StateCount)
            .Select(s => graph.GetTransitions(s).ToList())
            .Append(graph.GetTransitions(original).ToList())
            .ToList();
        var accepting = graph.AcceptingArray.Append(graph.AcceptingArray[original]).ToArray();
        var owner = Enumerable.Range(0, graph.StateCount).First(s => graph.TransitionStart[s] <= split && split < graph.TransitionStart[s + 1]);
        var column = split - graph.TransitionStart[owner];
        rows[owner][column] = (rows[owner][column].Tool, graph.StateCount);

        var order = new List<int> { 0 };
        var number = new Dictionary<int, int> { [0] = 0 };
        for (var head = 0; head < order.Count; head++)
        {
            foreach (var (_, target) in rows[order[head]])
            {
                if (number.TryAdd(target, order.Count))
                    order.Add(target);
            }
        }
        if (!number.ContainsKey(original) || !number.ContainsKey(graph.StateCount))
            return null;
        var start = new List<int> { 0 };
        var tools = new List<int>();
        var targets = new List<int>();
        foreach (var state in order)
        {
            foreach (var (tool, target) in rows[state])
            {
                tools.Add(tool);
                targets.Add(number[target]);
            }
            start.Add(tools.Count);
        }
        var renumbered = new CompiledGraph(graph.Name, graph.ToolArray, graph.LabelArray, graph.FlowArray, graph.Budget,
            order.Select(s => accepting[s]).ToArray(), start.ToArray(), tools.ToArray(), targets.ToArray());
        return GraphEncoder.Encode(renumbered);
    }
}
