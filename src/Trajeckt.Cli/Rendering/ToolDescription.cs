using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Semantics;

namespace Trajeckt.Cli.Rendering;

/// <summary>How a tool's effects read in listings and diagrams: the Traj spelling plus floor and authorizer.</summary>
internal static class ToolDescription
{
    /// <summary>E.g. <c>sensitive(customer-pii), sink(external), floor CleanWorkspace, authorized by TrustedUser</c>; empty for a tool with no effect.</summary>
    public static string Describe(CompiledGraph graph, GraphTool tool)
    {
        var effects = tool.Effects == ToolEffects.None && tool.Origin == Trust.ToolOutput
            ? string.Empty
            : EffectText.Describe(tool.Effects, tool.LabelIndices.Select(l => graph.Labels[l]), tool.Origin);
        if (tool.Floor is not { } floor)
            return effects;
        var floorText = $"floor {floor}, authorized by {tool.Authorizer}";
        return effects.Length == 0 ? floorText : effects + ", " + floorText;
    }

    /// <summary>A short marker for diagrams: what makes a tool matter to enforcement.</summary>
    public static string Marker(GraphTool tool)
    {
        var marks = new List<string>();
        if (tool.LabelIndices.Count > 0)
            marks.Add("sensitive");
        if ((tool.Effects & ToolEffects.ExternalSink) != 0)
            marks.Add("external sink");
        if ((tool.Effects & ToolEffects.ControlSink) != 0)
            marks.Add("control sink");
        if ((tool.Effects & ToolEffects.Shell) != 0)
            marks.Add("shell");
        if ((tool.Effects & ToolEffects.Egress) != 0)
            marks.Add("egress");
        if (tool.Floor is { } floor)
            marks.Add($"floor {floor}");
        return marks.Count == 0 ? string.Empty : $" [{string.Join(", ", marks)}]";
    }
}
