using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Semantics;

/// <summary>Spells a tool's effects the way a <c>tool</c> line writes them, for messages and listings.</summary>
internal static class EffectText
{
    /// <summary>E.g. <c>sensitive(a, b), origin(Untrusted), sink(external)</c>; <c>no effects</c> when there are none.</summary>
    public static string Describe(ToolEffects effects, IEnumerable<string> labels, Trust origin)
    {
        var parts = new List<string>();
        var labelList = labels.ToList();
        if (labelList.Count > 0)
            parts.Add($"sensitive({string.Join(", ", labelList)})");
        if (origin != Trust.ToolOutput)
            parts.Add($"origin({origin})");
        if ((effects & ToolEffects.ExternalSink) != 0)
            parts.Add("sink(external)");
        if ((effects & ToolEffects.ControlSink) != 0)
            parts.Add("sink(control)");
        if ((effects & ToolEffects.Shell) != 0)
            parts.Add("shell");
        if ((effects & ToolEffects.Egress) != 0)
            parts.Add("egress");
        return parts.Count == 0 ? "no effects" : string.Join(", ", parts);
    }
}
