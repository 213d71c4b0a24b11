using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli.Rendering;

/// <summary>The plan automaton's transitions grouped by (from, to), so a diagram draws one edge per state pair.</summary>
internal static class PlanEdges
{
    public static IEnumerable<(int From, int To, IReadOnlyList<GraphTool> Tools)> Group(CompiledGraph graph)
    {
        for (var state = 0; state < graph.StateCount; state++)
        {
            foreach (var group in graph.GetTransitions(state).GroupBy(t => t.Target).OrderBy(g => g.Key))
                yield return (state, group.Key, group.Select(t => graph.Tools[t.Tool]).ToArray());
        }
    }
}
