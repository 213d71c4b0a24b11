using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli.Rendering;

/// <summary>The readable listing of <c>trajeckt inspect</c>.</summary>
internal static class TextGraphRenderer
{
    public static void Render(CompiledGraph graph, GraphDigest digest, TextWriter output)
    {
        output.WriteLine($"trajectory {graph.Name}");
        output.WriteLine($"  digest  {digest}");
        output.WriteLine($"  budget  {(graph.Budget is { } budget ? $"{budget} calls" : "none")}");
        output.WriteLine();

        output.WriteLine($"tools ({graph.Tools.Count}):");
        var width = graph.Tools.Count == 0 ? 0 : graph.Tools.Max(t => t.Name.Length);
        foreach (var tool in graph.Tools)
        {
            var description = ToolDescription.Describe(graph, tool);
            output.WriteLine(description.Length == 0 ? $"  {tool.Name}" : $"  {tool.Name.PadRight(width)}  {description}");
        }
        output.WriteLine();

        output.WriteLine($"flows ({CompileCommand.Plural(graph.Labels.Count, "label")}):");
        for (var label = 0; label < graph.Labels.Count; label++)
        {
            var targets = graph.GetFlowTargets(label);
            output.WriteLine(targets.Count == 0
                ? $"  {graph.Labels[label]} -> (no external sink)"
                : $"  {graph.Labels[label]} -> {string.Join(", ", targets.Select(t => graph.Tools[t].Name))}");
        }
        output.WriteLine();

        output.WriteLine($"plan automaton ({graph.StateCount} states, {graph.TransitionCount} transitions; s0 is the start, * accepts):");
        for (var state = 0; state < graph.StateCount; state++)
        {
            var edges = graph.GetTransitions(state).Select(t => $"{graph.Tools[t.Tool].Name} -> s{t.Target}");
            output.WriteLine($"  s{state}{(graph.IsAccepting(state) ? "*" : " ")}  {string.Join(", ", edges)}");
        }
    }
}
