using System.CommandLine;
using Trajeckt.Replay;
using Trajeckt.Traj.Diff;

namespace Trajeckt.Cli;

/// <summary>
/// <c>trajeckt diff OLD NEW [--trajectory NAME] [--traces DIR...] [--json]</c>: what changes between two
/// policies (tools, effects, floors, authorizers, flows, budget, and shortest runs one plan allows and the
/// other refuses), and with recorded traces which runs change decision. Exit 0 when nothing differs, 1 when
/// something does, 2 for invalid input (docs/rollout.md, <c>trajeckt diff</c>).
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var oldPath = new Argument<string>("old") { Description = "The old policy: a Traj policy, an encoded graph file or an app's assembly." };
        var newPath = new Argument<string>("new") { Description = "The new policy, in any of the same forms." };
        var trajectory = new Option<string?>("--trajectory", "-t") { Description = "Compare only this trajectory of both (default: all, paired by name; a single trajectory on each side is paired whatever its name)." };
        var traces = new Option<string[]>("--traces") { Description = "Trace files or folders of them (*.jsonl): list the runs whose decisions change.", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print the comparison as one JSON object." };
        var command = new Command("diff", "Show what changes between two policies; exit 1 if anything does.")
        {
            oldPath, newPath, trajectory, traces, json,
        };
        command.SetAction(parse => Run(context, parse.GetValue(oldPath)!, parse.GetValue(newPath)!, parse.GetValue(trajectory),
            parse.GetValue(traces) ?? Array.Empty<string>(), parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string oldPath, string newPath, string? trajectoryName, string[] tracePaths, bool json)
    {
        var olds = Load(oldPath, trajectoryName, context);
        var news = olds is null ? null : Load(newPath, trajectoryName, context);
        if (olds is null || news is null)
            return CliApp.InvalidInput;

        var pairs = Pair(olds, news, out var removed, out var added);
        var traceFiles = TrainingRunReader.ExpandPaths(tracePaths, context);
        if (traceFiles is null)
            return CliApp.InvalidInput;
        if (tracePaths.Length > 0 && pairs.Count != 1)
            return context.Fail("--traces replays one trajectory: the inputs pair " + pairs.Count + "; name one with --trajectory");

        var comparison = new PolicyComparison(oldPath, newPath,
            pairs.Select(p => PolicyDiff.Compare(p.Old.Graph, p.New.Graph)).ToList(), removed, added);
        if (tracePaths.Length > 0)
        {
            try
            {
                var (runs, changes) = TraceDecisionDiff.Compare(pairs[0].Old.ToTrajectory(), pairs[0].New.ToTrajectory(), traceFiles);
                comparison.TraceRuns = runs;
                comparison.TraceChanges = changes;
            }
            catch (TraceFormatException ex)
            {
                context.Error.WriteLine(ex.Diagnostic);
                return CliApp.InvalidInput;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return context.Fail(ex.Message);
            }
        }

        if (json)
            DiffJsonWriter.Write(comparison, context.Output);
        else
            DiffTextWriter.Write(comparison, context.Output);
        return comparison.Identical ? CliApp.Success : CliApp.Failed;
    }

    private static IReadOnlyList<GraphInput>? Load(string path, string? trajectoryName, CliContext context)
    {
        if (trajectoryName is null)
            return GraphInput.LoadAll(path, context);
        return GraphInput.Load(path, trajectoryName, context) is { } one ? [one] : null;
    }

    // One trajectory on each side is compared whatever the names (a learned policy may be named otherwise);
    // several are paired by name, in the old input's order, and the rest are listed as removed or added.
    private static List<(GraphInput Old, GraphInput New)> Pair(IReadOnlyList<GraphInput> olds, IReadOnlyList<GraphInput> news,
        out List<string> removed, out List<string> added)
    {
        removed = [];
        added = [];
        if (olds.Count == 1 && news.Count == 1)
            return [(olds[0], news[0])];
        var pairs = new List<(GraphInput Old, GraphInput New)>();
        foreach (var old in olds)
        {
            var match = news.FirstOrDefault(n => string.Equals(n.Graph.Name, old.Graph.Name, StringComparison.Ordinal));
            if (match is null)
                removed.Add(old.Graph.Name);
            else
                pairs.Add((old, match));
        }
        added.AddRange(news.Where(n => !olds.Any(o => string.Equals(o.Graph.Name, n.Graph.Name, StringComparison.Ordinal))).Select(n => n.Graph.Name));
        return pairs;
    }
}
