using System.CommandLine;
using Trajeckt.Replay;
using Trajeckt.Traj;

namespace Trajeckt.Cli;

/// <summary>
/// <c>trajeckt replay POLICY.traj TRACE.jsonl [--trajectory NAME] [--heuristic] [--json]</c>: runs a
/// recorded trace through one fresh session of the runtime and checks its expectations (docs/semantics.md, trajeckt replay).
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext context)
    {
        var policy = new Argument<string>("policy") { Description = "The Traj policy file." };
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
        var compilation = GraphInput.CompilePolicy(policyPath, context);
        if (compilation is null)
            return CliApp.InvalidInput;
        if (!TrySelect(compilation, trajectoryName, policyPath, context, out var trajectory))
            return CliApp.InvalidInput;
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

    private static bool TrySelect(TrajCompilation compilation, string? name, string policyPath, CliContext context, out CompiledTrajectory trajectory)
    {
        trajectory = null!;
        if (name is null)
        {
            if (compilation.Trajectories.Count == 0)
            {
                context.Fail($"{policyPath}: the policy has no trajectory");
                return false;
            }
            trajectory = compilation.Trajectories[0];
            return true;
        }
        if (compilation.TryGetTrajectory(name, out var named))
        {
            trajectory = named;
            return true;
        }
        var known = string.Join(", ", compilation.Trajectories.Select(t => t.Name));
        context.Fail($"{policyPath}: no trajectory named '{DisplayText.Escape(name)}' (the file has: {known})");
        return false;
    }
}
