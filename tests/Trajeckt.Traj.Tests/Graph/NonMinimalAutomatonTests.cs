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
