using System;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Semantics;

/// <summary>
/// One call of docs/semantics.md's checks 5 to 7 (transition, flow, floor) and the effects of an allowed
/// call, over a <see cref="StaticSessionState"/>. This is the rule the runtime enforces, written once
/// for tools that reason about code without running it (the analyzers' order checks).
/// </summary>
/// <remarks>
/// Checks 1 to 4 (commitment, halting, unknown tools, budget) are outside: they depend on how the
/// session was made and how many calls came before, not on the order of the calls being analysed.
/// A floor check never refuses while an authorization may be pending, and an allowed call leaves
/// <see cref="StaticSessionState.AuthorizationMayBePending"/> as it was, as the analysis cannot count
/// authorizations. Run-time reports of origin and labels are not known statically; the declared effects
/// are applied, so the state stays a lower bound of the taint and an upper bound of the integrity.
/// </remarks>
public static class StaticStepper
{
    /// <summary>Decides a call of <paramref name="tool"/> in <paramref name="state"/>.</summary>
    /// <param name="graph">The commitment.</param>
    /// <param name="state">The session state before the call; its frontier must be a state of <paramref name="graph"/>.</param>
    /// <param name="tool">The tool's index in <see cref="CompiledGraph.Tools"/>.</param>
    /// <returns>The refusal, or the state after the allowed call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="state"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tool"/> or the frontier is out of range.</exception>
    public static StaticStep Step(CompiledGraph graph, StaticSessionState state, int tool)
    {
        if (graph is null)
            throw new ArgumentNullException(nameof(graph));
        if (state is null)
            throw new ArgumentNullException(nameof(state));
        if ((uint)tool >= (uint)graph.Tools.Count)
            throw new ArgumentOutOfRangeException(nameof(tool));
        if (state.Frontier >= graph.StateCount)
            throw new ArgumentOutOfRangeException(nameof(state));

        var next = graph.GetTransition(state.Frontier, tool);
        if (next < 0)
            return new StaticStep(StaticRefusal.Transition, -1, null);

        var row = graph.ToolArray[tool];
        if (row.IsFlowRestricted)
        {
            foreach (var label in state.Taint)
            {
                if (!graph.FlowAllows(label, tool))
                    return new StaticStep(StaticRefusal.Flow, label, null);
            }
        }

        if (row.Floor is { } floor && state.Integrity < floor && !state.AuthorizationMayBePending)
            return new StaticStep(StaticRefusal.Floor, -1, null);

        return new StaticStep(StaticRefusal.None, -1, After(state, next, row));
    }

    private static StaticSessionState After(StaticSessionState state, int frontier, GraphTool tool)
    {
        var integrity = tool.Origin < state.Integrity ? tool.Origin : state.Integrity;
        var addsLabel = false;
        foreach (var label in tool.LabelArray)
            addsLabel |= !state.HasLabel(label);
        if (!addsLabel && integrity == state.Integrity)
            return state.WithFrontier(frontier);
        var taint = addsLabel ? Union(state.Taint, tool.LabelArray) : state.Taint;
        return new StaticSessionState(frontier, taint, integrity, state.AuthorizationMayBePending);
    }

    private static int[] Union(System.Collections.Generic.IReadOnlyList<int> taint, int[] labels)
    {
        var all = new int[taint.Count + labels.Length];
        for (var i = 0; i < taint.Count; i++)
            all[i] = taint[i];
        labels.CopyTo(all, taint.Count);
        return all;
    }
}
