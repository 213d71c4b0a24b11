using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Semantics;

namespace Trajeckt.Traj.Diff;

/// <summary>
/// Compares two compiled trajectories statement by statement: tools, effects, floors, authorizers, pins, flows,
/// budget, and the plan language (<see cref="PlanLanguageDiff"/>). Graphs are canonical, so two that
/// compare equal here mean the same thing.
/// </summary>
internal static class PolicyDiff
{
    public static GraphDifference Compare(CompiledGraph oldGraph, CompiledGraph newGraph)
    {
        if (oldGraph is null)
            throw new ArgumentNullException(nameof(oldGraph));
        if (newGraph is null)
            throw new ArgumentNullException(nameof(newGraph));
        var oldTools = oldGraph.Tools.Select(t => t.Name).ToList();
        var newTools = newGraph.Tools.Select(t => t.Name).ToList();
        var added = newTools.Except(oldTools, StringComparer.Ordinal).ToList();
        var removed = oldTools.Except(newTools, StringComparer.Ordinal).ToList();

        var changes = new List<ToolChange>();
        foreach (var oldTool in oldGraph.Tools)
        {
            if (!newGraph.TryGetToolIndex(oldTool.Name, out var index))
                continue;
            var newTool = newGraph.Tools[index];
            Add(changes, oldTool.Name, "effects", Effects(oldGraph, oldTool), Effects(newGraph, newTool));
            Add(changes, oldTool.Name, "floor", oldTool.Floor?.ToString() ?? "none", newTool.Floor?.ToString() ?? "none");
            Add(changes, oldTool.Name, "authorizer", oldTool.Authorizer.ToString(), newTool.Authorizer.ToString());
            Add(changes, oldTool.Name, "pin", Pin(oldGraph, oldTool.Name), Pin(newGraph, oldTool.Name));
        }

        var oldFlows = Flows(oldGraph);
        var newFlows = Flows(newGraph);
        var flows = oldFlows.Except(newFlows).Select(f => new FlowChange(f.Label, f.Tool, added: false))
            .Concat(newFlows.Except(oldFlows).Select(f => new FlowChange(f.Label, f.Tool, added: true)))
            .OrderBy(f => f.Label, StringComparer.Ordinal).ThenBy(f => f.Tool, StringComparer.Ordinal)
            .ToList();

        var plan = PlanLanguageDiff.Compare(oldGraph, newGraph);
        var common = plan.AllowedOnlyByOld?.Refusal == "unknown_tool" || plan.AllowedOnlyByNew?.Refusal == "unknown_tool"
            ? PlanLanguageDiff.CompareCommonTools(oldGraph, newGraph)
            : null;
        return new GraphDifference(oldGraph, newGraph, added, removed, changes, flows, plan, common);
    }

    private static void Add(List<ToolChange> changes, string tool, string aspect, string oldValue, string newValue)
    {
        if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
            changes.Add(new ToolChange(tool, aspect, oldValue, newValue));
    }

    private static string Effects(CompiledGraph graph, GraphTool tool) =>
        EffectText.Describe(tool.Effects, tool.LabelIndices.Select(l => graph.Labels[l]), tool.Origin);

    private static string Pin(CompiledGraph graph, string tool) => graph.TryGetPin(tool, out var pin) ? pin.ToString() : "none";

    private static HashSet<(string Label, string Tool)> Flows(CompiledGraph graph)
    {
        var flows = new HashSet<(string Label, string Tool)>();
        for (var label = 0; label < graph.Labels.Count; label++)
        {
            foreach (var tool in graph.GetFlowTargets(label))
                flows.Add((graph.Labels[label], graph.Tools[tool].Name));
        }
        return flows;
    }
}
