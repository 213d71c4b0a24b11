using System.CommandLine;
using Trajeckt.Replay;

namespace Trajeckt.Cli;

/// <summary>
/// <c>trajeckt replay POLICY TRACE.jsonl [--trajectory NAME] [--heuristic] [--json]</c>: runs a recorded
/// trace through one fresh session of the runtime and checks its expectations (docs/semantics.md, trajeckt
/// replay). The policy is a .traj file, an encoded graph or an app assembly (<see cref="GraphInput"/>).
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext context)
    {
        var policy = new Argument<string>("policy") { Description = "The policy: a .traj file, an encoded graph, or an app assembly the generator recorded graphs in." };
        var trace = new Argument<string>("trace") { Description = "The trace: JSON Lines, one event an object." };
        var trajectory = new Option<string?>("--trajectory", "-t") { Description = "The trajectory to enforce (default: the first of the file)." };
        var heuristic = new Option<bool>("--heuristic") { Description = "Run with no graph, in heuristic mode, taking tool effects from the policy." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per event; the summary goes to standard error." };
        var command = new Command("replay", "Replay a recorded trace against a policy; exit 1 if an expectation does not hold.")
        {
            policy, trace, trajectory, heuristic, json,
        };
        command.SetAction(parse => Run(
            context, parse.GetValue(policy)!, parse.GetValue(trace)!, parse.GetValue(trajectory), parse.GetValue(heuristic), parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string policyPath, string tracePath, string? trajectoryName, bool heuristic, bool json)
    {
        if (GraphInput.Load(policyPath, trajectoryName, context) is not { } input)
            return CliApp.InvalidInput;
        var trajectory = input.ToTrajectory();
        if (!File.Exists(tracePath))
            return context.Fail($"{tracePath}: file not found");

        ReplayWriter writer = json ? new ReplayJsonWriter(context.Output) : new ReplayTextWriter(context.Output);
        var tally = new ReplayTally();
        try
        {
            // RunFile validates the whole trace before the first result: an invalid trace prints no half run.
            foreach (var result in new TraceRunner(trajectory).RunFile(tracePath, heuristic))
            {
                writer.Write(result);
                tally.Add(result);
                if (!result.ExpectationHeld)
                    context.Error.WriteLine(ReplayTally.DescribeFailure(tracePath, result));
            }
        }
        catch (TraceFormatException ex)
        {
            context.Error.WriteLine(ex.Diagnostic);
            return CliApp.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return context.Fail($"{tracePath}: {ex.Message}");
        }

        (json ? context.Error : context.Output).WriteLine(tally.Summary(trajectory.Name));
        return tally.Failed == 0 ? CliApp.Success : CliApp.Failed;
    }
}
