using System.IO;
using System.Linq;
using Trajeckt.Traj.Semantics;

namespace Trajeckt.Traj.Graph;

/// <summary>
/// The readable listing of a graph that <c>trajeckt inspect</c> prints and the gateway serves: header,
/// tools with their effects, flows, and the plan automaton.
/// </summary>
public static class GraphListing
{
    /// <summary>Writes the listing of <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="digest">Its digest.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(CompiledGraph graph, GraphDigest digest, TextWriter output)
    {
        if (graph is null)
            throw new ArgumentNullException(nameof(graph));
        if (output is null)
            throw new ArgumentNullException(nameof(output));
        output.WriteLine($"trajectory {graph.Name}");
        output.WriteLine($"  digest  {digest}");
        output.WriteLine($"  budget  {(graph.Budget is { } budget ? $"{budget} calls" : "none")}");
        output.WriteLine();

        output.WriteLine($"tools ({graph.Tools.Count}):");
        var width = graph.Tools.Count == 0 ? 0 : graph.Tools.Max(t => t.Name.Length);
        foreach (var tool in graph.Tools)
        {
            var description = DescribeTool(graph, tool);
            output.WriteLine(description.Length == 0 ? $"  {tool.Name}" : $"  {tool.Name.PadRight(width)}  {description}");
        }
        output.WriteLine();

        output.WriteLine($"flows ({(graph.Labels.Count == 1 ? "1 label" : $"{graph.Labels.Count} labels")}):");
        for (var label = 0; label < graph.Labels.Count; label++)
        {
            var targets = graph.GetFlowTargets(label);
            output.WriteLine(targets.Count == 0
                ? $"  {graph.Labels[label]} -> (no external sink)"
                : $"  {graph.Labels[label]} -> {string.Join(", ", targets.Select(t => graph.Tools[t].Name))}");
        }
        output.WriteLine();

        if (graph.Pins.Count > 0)
        {
            output.WriteLine($"pinned definitions ({graph.Pins.Count}):");
            foreach (var pin in graph.Pins)
                output.WriteLine($"  {pin.ToolName.PadRight(width)}  {pin}");
            output.WriteLine();
        }

        output.WriteLine($"plan automaton ({graph.StateCount} states, {graph.TransitionCount} transitions; s0 is the start, * accepts):");
        for (var state = 0; state < graph.StateCount; state++)
        {
            var edges = graph.GetTransitions(state).Select(t => $"{graph.Tools[t.Tool].Name} -> s{t.Target}");
            output.WriteLine($"  s{state}{(graph.IsAccepting(state) ? "*" : " ")}  {string.Join(", ", edges)}");
        }
    }

    /// <summary>A tool's effects in Traj spelling plus floor and authorizer, e.g. <c>sensitive(customer-pii), sink(external), floor CleanWorkspace, authorized by TrustedUser</c>; empty for a tool with no effect.</summary>
    /// <param name="graph">The graph that declares the tool.</param>
    /// <param name="tool">The tool.</param>
    public static string DescribeTool(CompiledGraph graph, GraphTool tool)
    {
        if (graph is null)
            throw new ArgumentNullException(nameof(graph));
        if (tool is null)
            throw new ArgumentNullException(nameof(tool));
        var effects = tool.Effects == ToolEffects.None && tool.Origin == Trust.ToolOutput
            ? string.Empty
            : EffectText.Describe(tool.Effects, tool.LabelIndices.Select(l => graph.Labels[l]), tool.Origin);
        if (tool.Floor is not { } floor)
            return effects;
        var floorText = $"floor {floor}, authorized by {tool.Authorizer}";
        return effects.Length == 0 ? floorText : effects + ", " + floorText;
    }

    /// <summary>Effects in Traj spelling, e.g. <c>sensitive(a, b), origin(Untrusted), sink(external)</c>; <c>no effects</c> when there are none.</summary>
    /// <param name="effects">The effect flags.</param>
    /// <param name="labels">The labels the output carries.</param>
    /// <param name="origin">The trust of the output.</param>
    public static string DescribeEffects(ToolEffects effects, IEnumerable<string> labels, Trust origin) =>
        EffectText.Describe(effects, labels ?? throw new ArgumentNullException(nameof(labels)), origin);
}
