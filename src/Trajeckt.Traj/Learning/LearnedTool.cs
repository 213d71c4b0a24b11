using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Learning;

/// <summary>A tool of a learned policy: its effects, and where the learner took each of them from.</summary>
internal sealed class LearnedTool
{
    public LearnedTool(string name, ToolEffects effects, IReadOnlyList<string> labels, Trust origin, Trust? floor, Trust authorizer,
        bool fromPolicy, int runCount, int callCount, IReadOnlyList<string> reportedLabels, IReadOnlyList<Trust> reportedOrigins)
    {
        Name = name;
        Effects = effects;
        Labels = labels;
        Origin = origin;
        Floor = floor;
        Authorizer = authorizer;
        FromPolicy = fromPolicy;
        RunCount = runCount;
        CallCount = callCount;
        ReportedLabels = reportedLabels;
        ReportedOrigins = reportedOrigins;
    }

    public string Name { get; }

    /// <summary>Sink, egress, shell and control effects (only an existing policy can say these).</summary>
    public ToolEffects Effects { get; }

    /// <summary>The declared <c>sensitive</c> labels: the policy's and every label the runs reported, ordinal order.</summary>
    public IReadOnlyList<string> Labels { get; }

    public Trust Origin { get; }

    public Trust? Floor { get; }

    public Trust Authorizer { get; }

    /// <summary>Whether the existing policy has a <c>tool</c> line for it.</summary>
    public bool FromPolicy { get; }

    public int RunCount { get; }

    public int CallCount { get; }

    public IReadOnlyList<string> ReportedLabels { get; }

    public IReadOnlyList<Trust> ReportedOrigins { get; }

    public bool IsFlowRestricted => (Effects & (ToolEffects.ExternalSink | ToolEffects.Egress)) != 0;
}

/// <summary>A flow the benign runs needed, with the calls that needed it, for the operator to confirm.</summary>
internal sealed class LearnedFlow
{
    public LearnedFlow(string label, string tool, IReadOnlyList<string> neededBy)
    {
        Label = label;
        Tool = tool;
        NeededBy = neededBy;
    }

    public string Label { get; }

    public string Tool { get; }

    /// <summary>E.g. <c>runs/a.jsonl step 4</c>, one per call that needed the flow, in run order.</summary>
    public IReadOnlyList<string> NeededBy { get; }
}
