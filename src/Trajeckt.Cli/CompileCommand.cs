using System.CommandLine;
using Trajeckt.Traj;

namespace Trajeckt.Cli;

/// <summary><c>trajeckt compile POLICY.traj [-o GRAPH] [--trajectory NAME]</c>: check and compile a policy.</summary>
internal static class CompileCommand
{
    public static Command Create(CliContext context)
    {
        var policy = new Argument<string>("policy") { Description = "The Traj policy file." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the canonical graph encoding of the trajectory to this file." };
        var trajectory = new Option<string?>("--trajectory", "-t") { Description = "The trajectory to write with --output (default: the first)." };
        var command = new Command("compile", "Check and compile a policy; print each trajectory's digest, tool and state counts.")
        {
            policy, output, trajectory,
        };
        command.SetAction(parse => Run(context, parse.GetValue(policy)!, parse.GetValue(output), parse.GetValue(trajectory)));
        return command;
    }

    private static int Run(CliContext context, string policyPath, string? outputPath, string? trajectoryName)
    {
        var compilation = GraphInput.CompilePolicy(policyPath, context);
        if (compilation is null)
            return CliApp.InvalidInput;

        foreach (var trajectory in compilation.Trajectories)
        {
            var graph = trajectory.Graph;
            context.Output.WriteLine(
                $"{trajectory.Name}: digest {trajectory.Digest}, {Plural(graph.Tools.Count, "tool")}, " +
                $"{Plural(graph.StateCount, "state")}, {Plural(graph.TransitionCount, "transition")}, {Plural(graph.Labels.Count, "label")}");
        }

        if (outputPath is null)
            return CliApp.Success;

        CompiledTrajectory? selected;
        if (trajectoryName is null)
            selected = compilation.Trajectories.FirstOrDefault();
        else if (!compilation.TryGetTrajectory(trajectoryName, out selected))
            return context.Fail($"{policyPath}: no trajectory named '{trajectoryName}'");
        if (selected is null)
            return context.Fail($"{policyPath}: the policy has no trajectory");

        File.WriteAllBytes(outputPath, selected.Encoding);
        context.Output.WriteLine($"wrote {outputPath} ({selected.Name}, {selected.Encoding.Length} bytes)");
        return CliApp.Success;
    }

    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
