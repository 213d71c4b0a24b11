using System.Text;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj;

/// <summary>
/// The effects that make a tool the tool it is, as one canonical text: the generator writes it into every
/// interceptor from the tool's declaration, and a session compares it with its own graph's tool of that
/// name (docs/mediation.md), so a tool of one graph can never be decided as another graph's tool of the same
/// name. Floors and authorizers are not part of it: they are the policy's, not the tool's.
/// </summary>
public static class ToolIdentity
{
    /// <summary>
    /// The canonical text of a tool's effects, e.g. <c>sensitive("pii") origin(Untrusted) sink(external)</c>;
    /// <c>none</c> when it has none. Labels are sorted and quoted, so no two sets of effects share a text.
    /// </summary>
    /// <param name="effects">The effect flags (<see cref="ToolEffects.Sensitive"/> is implied by <paramref name="labels"/>).</param>
    /// <param name="labels">The labels the tool's output carries.</param>
    /// <param name="origin">The trust of the tool's output.</param>
    /// <returns>The canonical text.</returns>
    public static string Describe(ToolEffects effects, IEnumerable<string> labels, Trust origin)
    {
        if (labels is null)
            throw new ArgumentNullException(nameof(labels));
        var text = new StringBuilder();
        var sorted = labels.Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToList();
        if (sorted.Count > 0)
            Append(text, "sensitive(" + string.Join(",", sorted.Select(Quote)) + ")");
        if (origin != Trust.ToolOutput)
            Append(text, $"origin({origin})");
        if ((effects & ToolEffects.ExternalSink) != 0)
            Append(text, "sink(external)");
        if ((effects & ToolEffects.ControlSink) != 0)
            Append(text, "sink(control)");
        if ((effects & ToolEffects.Shell) != 0)
            Append(text, "shell");
        if ((effects & ToolEffects.Egress) != 0)
            Append(text, "egress");
        return text.Length == 0 ? "none" : text.ToString();
    }

    /// <summary>The canonical text of a host tool's effects.</summary>
    /// <param name="tool">The tool as its host declares it.</param>
    /// <returns>The canonical text.</returns>
    public static string Of(HostTool tool)
    {
        if (tool is null)
            throw new ArgumentNullException(nameof(tool));
        return Describe(tool.Effects, tool.Labels, tool.Origin);
    }

    /// <summary>The canonical text of the effects of tool <paramref name="index"/> of <paramref name="graph"/>.</summary>
    /// <param name="graph">A compiled graph.</param>
    /// <param name="index">The tool's index in the graph's tool table.</param>
    /// <returns>The canonical text.</returns>
    public static string Of(CompiledGraph graph, int index)
    {
        if (graph is null)
            throw new ArgumentNullException(nameof(graph));
        var tool = graph.Tools[index];
        return Describe(tool.Effects, tool.LabelIndices.Select(i => graph.Labels[i]), tool.Origin);
    }

    private static void Append(StringBuilder text, string part)
    {
        if (text.Length > 0)
            text.Append(' ');
        text.Append(part);
    }

    // A label may hold any character but a line break, so quotes and backslashes are escaped.
    private static string Quote(string label) => "\"" + label.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
