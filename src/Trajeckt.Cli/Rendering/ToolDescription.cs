using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli.Rendering;

/// <summary>How a tool reads in diagrams (the listing's spelling is <see cref="GraphListing"/>'s).</summary>
internal static class ToolDescription
{
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
