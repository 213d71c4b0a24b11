using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Diff;

/// <summary>
/// Compares the plan languages of two graphs by breadth-first search over the product of their plan
/// automata, each completed by a refusing sink (docs/rollout.md, <c>trajeckt diff</c>).
/// </summary>
/// <remarks>
/// A call is allowed when the calls so far followed by it are a prefix of a word of the plan
/// (docs/semantics.md, check 5), so the language that enforcement decides is prefix-closed: a run is
/// allowed exactly when the automaton (which has no dead states) has a path for it. A run is refused by a
/// graph that does not declare a tool as well (check 3), so the alphabet is the union of both graphs'
/// tools and a tool one graph lacks leads that graph to the sink. Since both languages are prefix-closed,
/// the first call where two runs part is the end of a shortest witness, and the search only follows pairs
/// of states both automata reach. The queue is expanded in ordinal tool order, so the witness found first
/// is the least in shortlex order: shortest, then ordinal by call names, whatever the input order.
/// </remarks>
internal static class PlanLanguageDiff
{
    /// <summary>
    /// The most state pairs the search visits: some 100 MB at most, far beyond any policy written by hand
    /// (the product of two 1,000-state plans has at most 1M pairs), while two plans near the graph limit
    /// of 1M states each cannot exhaust the machine.
    /// </summary>
    public const int MaxPairs = 2_000_000;

    /// <summary>Compares the plans over every tool either graph declares.</summary>
    public static PlanLanguageDifference Compare(CompiledGraph oldGraph, CompiledGraph newGraph) =>
        Compare(oldGraph, newGraph, commonToolsOnly: false, MaxPairs);

    /// <summary>
    /// Compares the plans over the tools both graphs declare: what changed in the order of calls, apart
    /// from the tools added or removed.
    /// </summary>
    public static PlanLanguageDifference CompareCommonTools(CompiledGraph oldGraph, CompiledGraph newGraph) =>
        Compare(oldGraph, newGraph, commonToolsOnly: true, MaxPairs);

    internal static PlanLanguageDifference Compare(CompiledGraph oldGraph, CompiledGraph newGraph, bool commonToolsOnly, int maxPairs)
    {
        var oldNames = oldGraph.Tools.Select(t => t.Name);
        var newNames = newGraph.Tools.Select(t => t.Name);
        var alphabet = (commonToolsOnly ? oldNames.Intersect(newNames, StringComparer.Ordinal) : oldNames.Union(newNames, StringComparer.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var oldTool = ToolIndices(oldGraph, alphabet);
        var newTool = ToolIndices(newGraph, alphabet);

        // Node i: the pair (oldState[i], newState[i]) reached first by parent[i]'s run plus symbol[i].
        var oldState = new List<int> { 0 };
        var newState = new List<int> { 0 };
        var parent = new List<int> { -1 };
        var symbol = new List<int> { -1 };
        var visited = new HashSet<long> { 0L };
        PlanWitness? onlyOld = null, onlyNew = null, completeOld = null, completeNew = null;
        var complete = true;

        for (var node = 0; node < oldState.Count; node++)
        {
            int p = oldState[node], q = newState[node];
            bool oldAccepts = oldGraph.IsAccepting(p), newAccepts = newGraph.IsAccepting(q);
            if (oldAccepts && !newAccepts)
                completeOld ??= new PlanWitness(Run(node, -1), null);
            else if (newAccepts && !oldAccepts)
                completeNew ??= new PlanWitness(Run(node, -1), null);

            for (var s = 0; s < alphabet.Length; s++)
            {
                var p2 = oldTool[s] < 0 ? -1 : oldGraph.GetTransition(p, oldTool[s]);
                var q2 = newTool[s] < 0 ? -1 : newGraph.GetTransition(q, newTool[s]);
                if (p2 >= 0 && q2 < 0)
                    onlyOld ??= new PlanWitness(Run(node, s), newTool[s] < 0 ? "unknown_tool" : "transition");
                else if (q2 >= 0 && p2 < 0)
                    onlyNew ??= new PlanWitness(Run(node, s), oldTool[s] < 0 ? "unknown_tool" : "transition");
                else if (p2 >= 0 && visited.Add(((long)p2 << 32) | (uint)q2))
                {
                    if (oldState.Count >= maxPairs)
                    {
                        complete = false;
                        break;
                    }
                    oldState.Add(p2);
                    newState.Add(q2);
                    parent.Add(node);
                    symbol.Add(s);
                }
            }
            if (!complete || (onlyOld is not null && onlyNew is not null && completeOld is not null && completeNew is not null))
                break;
        }
        // Stopping early once every witness is found is still complete: nothing shorter remains to find.
        var searchComplete = complete || (onlyOld is not null && onlyNew is not null);
        return new PlanLanguageDifference(onlyOld, onlyNew, completeOld, completeNew, searchComplete, oldState.Count);

        string[] Run(int node, int last)
        {
            var calls = new List<string>();
            if (last >= 0)
                calls.Add(alphabet[last]);
            for (var n = node; parent[n] >= 0; n = parent[n])
                calls.Add(alphabet[symbol[n]]);
            calls.Reverse();
            return calls.ToArray();
        }
    }

    private static int[] ToolIndices(CompiledGraph graph, string[] alphabet)
    {
        var indices = new int[alphabet.Length];
        for (var i = 0; i < alphabet.Length; i++)
            indices[i] = graph.TryGetToolIndex(alphabet[i], out var index) ? index : -1;
        return indices;
    }
}
