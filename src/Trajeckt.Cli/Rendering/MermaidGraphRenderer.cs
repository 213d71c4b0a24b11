using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli.Rendering;

/// <summary>A Mermaid flowchart of the plan automaton, for Markdown documents.</summary>
internal static class MermaidGraphRenderer
{
    public static void Render(CompiledGraph graph, TextWriter output)
    {
        output.WriteLine("flowchart LR");
        output.WriteLine("  start((start)) --> s0");
        for (var state = 0; state < graph.StateCount; state++)
            output.WriteLine(graph.IsAccepting(state) ? $"  s{state}(((s{state})))" : $"  s{state}((s{state}))");
        foreach (var (from, to, tools) in PlanEdges.Group(graph))
        {
            var label = string.Join("<br/>", tools.Select(t => Escape(t.Name + ToolDescription.Marker(t))));
            output.WriteLine($"  s{from} -->|\"{label}\"| s{to}");
        }
    }

    // Mermaid labels are quoted; a double quote inside one is written as an entity.
    private static string Escape(string text) => text.Replace("\"", "#quot;");
}
