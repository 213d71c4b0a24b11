using System.CommandLine;
using System.Text;
using Trajeckt.Replay;
using Trajeckt.Traj;
using Trajeckt.Traj.Learning;

namespace Trajeckt.Cli;

/// <summary>
/// <c>trajeckt learn RUNS... [--negative RUNS...] [--policy POLICY] [-k K] [--name NAME] [--output FILE]</c>:
/// synthesizes a commented policy from recorded runs, then proves it on them before writing it: the
/// learned policy must compile, every benign run must replay with no refusal, and every negative run
/// must be refused (at or before the call its recording refused). Otherwise nothing is written.
/// </summary>
internal static class LearnCommand
{
    public static Command Create(CliContext context)
    {
        var runs = new Argument<string[]>("runs") { Description = "Trace files or folders of them (*.jsonl) of recorded runs.", Arity = ArgumentArity.OneOrMore };
        var negative = new Option<string[]>("--negative") { Description = "Trace files or folders of labelled attacks: the learned policy must refuse each.", AllowMultipleArgumentsPerToken = true };
        var policy = new Option<string?>("--policy") { Description = "An existing policy (or graph) whose tool lines give effects, floors, authorizers and budget." };
        var trajectory = new Option<string?>("--trajectory", "-t") { Description = "The trajectory of --policy to use (default: the first)." };
        var k = new Option<int>("-k") { Description = "States merge when their next k calls look the same (default 2; larger generalizes less).", DefaultValueFactory = _ => PolicyLearner.DefaultK };
        var name = new Option<string?>("--name") { Description = "The learned trajectory's name (default: that of --policy, else Learned)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the policy here instead of to standard output." };
        var command = new Command("learn", "Learn a policy from recorded runs; every flow it needed is listed for you to confirm.")
        {
            runs, negative, policy, trajectory, k, name, output,
        };
        command.SetAction(parse => Run(context, parse.GetValue(runs)!, parse.GetValue(negative) ?? Array.Empty<string>(),
            parse.GetValue(policy), parse.GetValue(trajectory), parse.GetValue(k), parse.GetValue(name), parse.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, string[] runPaths, string[] negativePaths, string? policyPath, string? trajectoryName, int k, string? name, string? outputPath)
    {
        if (k < 0)
            return context.Fail($"-k must be 0 or more, not {k}");
        GraphInput? policy = null;
        if (policyPath is not null && (policy = GraphInput.Load(policyPath, trajectoryName, context)) is null)
            return CliApp.InvalidInput;
        var benignFiles = TrainingRunReader.ExpandPaths(runPaths, context);
        var attackFiles = TrainingRunReader.ExpandPaths(negativePaths, context);
        if (benignFiles is null || attackFiles is null)
            return CliApp.InvalidInput;
        var attackSet = new HashSet<string>(attackFiles, StringComparer.Ordinal);
        var files = benignFiles.Where(f => !attackSet.Contains(f)).Select(f => (Path: f, Attack: false))
            .Concat(attackFiles.Select(f => (Path: f, Attack: true)))
            .ToList();
        if (files.Count == 0)
            return context.Fail("no trace files found");

        var runs = new List<TrainingRun>();
        try
        {
            foreach (var (path, attack) in files)
                runs.AddRange(TrainingRunReader.Read(path, attack));
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

        LearnedPolicy learned;
        try
        {
            learned = PolicyLearner.Learn(runs, k, name ?? policy?.Graph.Name ?? "Learned", policy?.Graph);
        }
        catch (ArgumentException ex)
        {
            return context.Fail(ex.Message.Split('(')[0].Trim());
        }
        var text = learned.ToTraj(policyPath);

        // The learned policy is proven on its own evidence before anyone sees it.
        var compilation = TrajCompiler.Compile(text, outputPath ?? "<learned>");
        if (!compilation.Success)
        {
            foreach (var diagnostic in compilation.Diagnostics.Where(d => d.IsError))
                context.Error.WriteLine(diagnostic.ToString());
            return context.Fail("the learned policy does not compile (see above); nothing was written");
        }
        var failures = LearnedPolicyCheck.Check(compilation.Trajectories[0], files, context);
        if (failures > 0)
        {
            context.Fail($"the learned policy does not decide {failures} recorded run(s) as recorded (see above); nothing was written");
            return CliApp.Failed;
        }

        if (outputPath is null)
        {
            context.Output.Write(text);
        }
        else
        {
            File.WriteAllText(outputPath, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            context.Output.WriteLine($"{outputPath}: learned {learned.Name} from {runs.Count} runs ({learned.Automaton.StateCount} plan states, {learned.Flows.Count} flows to confirm)");
        }
        if (learned.Flows.Count > 0)
            context.Error.WriteLine($"trajeckt: warning: {learned.Flows.Count} flow(s) need your confirmation: {string.Join(", ", learned.Flows.Select(f => $"{f.Label} -> {f.Tool}"))}");
        return CliApp.Success;
    }
}
