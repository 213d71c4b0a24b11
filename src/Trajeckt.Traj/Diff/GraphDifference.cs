using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Diff;

/// <summary>Everything that differs between two compiled trajectories (<see cref="PolicyDiff.Compare"/>).</summary>
internal sealed class GraphDifference
{
    public GraphDifference(CompiledGraph oldGraph, CompiledGraph newGraph, IReadOnlyList<string> toolsAdded, IReadOnlyList<string> toolsRemoved,
        IReadOnlyList<ToolChange> toolChanges, IReadOnlyList<FlowChange> flowChanges, PlanLanguageDifference plan,
        PlanLanguageDifference? planOverCommonTools)
    {
        PlanOverCommonTools = planOverCommonTools;
        OldGraph = oldGraph;
        NewGraph = newGraph;
        ToolsAdded = toolsAdded;
        ToolsRemoved = toolsRemoved;
        ToolChanges = toolChanges;
        FlowChanges = flowChanges;
        Plan = plan;
    }

    public CompiledGraph OldGraph { get; }

    public CompiledGraph NewGraph { get; }

    public bool NameChanged => !string.Equals(OldGraph.Name, NewGraph.Name, StringComparison.Ordinal);

    /// <summary>Tools only the new graph declares, ordinal order.</summary>
    public IReadOnlyList<string> ToolsAdded { get; }

    /// <summary>Tools only the old graph declares, ordinal order.</summary>
    public IReadOnlyList<string> ToolsRemoved { get; }

    /// <summary>Changed effects, floors and authorizers of tools both declare, by tool then aspect.</summary>
    public IReadOnlyList<ToolChange> ToolChanges { get; }

    /// <summary>Flows added or removed, by label then tool.</summary>
    public IReadOnlyList<FlowChange> FlowChanges { get; }

    public bool BudgetChanged => OldGraph.Budget != NewGraph.Budget;

    public PlanLanguageDifference Plan { get; }

    /// <summary>
    /// When a plan witness ends in a tool one graph does not declare: the same comparison over the tools both
    /// declare, so the report also shows how the order of the remaining calls changed. Otherwise null.
    /// </summary>
    public PlanLanguageDifference? PlanOverCommonTools { get; }

    /// <summary>Whether the plans differ in what they allow, or only in which runs they consider complete.</summary>
    public bool PlanChanged => !Plan.SameAllowedRuns || Plan.CompleteOnlyInOld is not null || Plan.CompleteOnlyInNew is not null;

    /// <summary>Whether the two graphs say the same thing (then they have the same canonical encoding, save the name).</summary>
    public bool IsEmpty => !NameChanged && ToolsAdded.Count == 0 && ToolsRemoved.Count == 0 && ToolChanges.Count == 0
        && FlowChanges.Count == 0 && !BudgetChanged && !PlanChanged;
}
