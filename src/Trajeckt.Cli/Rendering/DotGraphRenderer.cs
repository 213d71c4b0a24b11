using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli.Rendering;

/// <summary>A Graphviz digraph of the plan automaton: accepting states double-circled, edges coloured by effect.</summary>
internal static class DotGraphRenderer
{
    public static void Render(CompiledGraph graph, TextWriter output)
    {
        output.WriteLine($"digraph {Quote(graph.Name)} {{");
        output.WriteLine("  rankdir=LR;");
        output.WriteLine("  node [shape=circle, fontname=\"Helvetica\"];");
        output.WriteLine("  edge [fontname=\"Helvetica\", fontsize=10];");
        output.WriteLine("  start [shape=point];");
        output.WriteLine("  start -> s0;");
        for (var state = 0; state < graph.StateCount; state++)
            output.WriteLine($"  s{state} [label=\"s{state}\"{(graph.IsAccepting(state) ? ", shape=doublecircle" : string.Empty)}];");
        foreach (var (from, to, tools) in PlanEdges.Group(graph))
        {
            var label = string.Join("\\n", tools.Select(t => Escape(t.Name + ToolDescription.Marker(t))));
            output.WriteLine($"  s{from} -> s{to} [label=\"{label}\", color=\"{Colour(tools)}\"];");
        }
        output.WriteLine("  legend [shape=note, label=\"red: external sink or egress\\norange: control sink or floored\\nblue: sensitive read\"];");
        output.WriteLine("}");
    }

    // The most dangerous effect on an edge decides its colour, so an exfiltration path stands out.
    private static string Colour(IReadOnlyList<GraphTool> tools)
    {
        if (tools.Any(t => t.IsFlowRestricted))
            return "red";
        if (tools.Any(t => (t.Effects & ToolEffects.ControlSink) != 0 || t.Floor.HasValue))
            return "orange";
        if (tools.Any(t => t.LabelIndices.Count > 0))
            return "blue";
        return "black";
    }

    private static string Quote(string name) => "\"" + Escape(name) + "\"";

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
