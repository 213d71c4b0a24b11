using System.CommandLine;
using Trajeckt.Cli.Rendering;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli;

/// <summary><c>trajeckt inspect POLICY.traj|GRAPH [--format text|dot|mermaid]</c>: show what a graph allows.</summary>
internal static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("input") { Description = "A Traj policy or an encoded graph file." };
        var format = new Option<string>("--format", "-f") { Description = "text (default), dot (Graphviz) or mermaid.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "dot", "mermaid");
        var trajectory = new Option<string?>("--trajectory", "-t") { Description = "The trajectory to show (default: the first)." };
        var command = new Command("inspect", "List a graph's tools, flows, floors and plan automaton, or draw the automaton.")
        {
            input, format, trajectory,
        };
        command.SetAction(parse => Run(context, parse.GetValue(input)!, parse.GetValue(format)!, parse.GetValue(trajectory)));
        return command;
    }

    private static int Run(CliContext context, string path, string format, string? trajectory)
    {
        var loaded = GraphInput.Load(path, trajectory, context);
        if (loaded is null)
            return CliApp.InvalidInput;
        switch (format)
        {
            case "dot":
                DotGraphRenderer.Render(loaded.Graph, context.Output);
                break;
            case "mermaid":
                MermaidGraphRenderer.Render(loaded.Graph, context.Output);
                break;
            default:
                GraphListing.Write(loaded.Graph, loaded.Digest, context.Output);
                break;
        }
        return CliApp.Success;
    }
}
