using System.CommandLine;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Cli;

/// <summary><c>trajeckt fmt POLICY.traj [--check]</c>: rewrite a policy in canonical layout, or check that it is.</summary>
internal static class FormatCommand
{
    public static Command Create(CliContext context)
    {
        var policy = new Argument<string>("policy") { Description = "The Traj policy file." };
        var check = new Option<bool>("--check") { Description = "Do not write; exit 1 when the file is not canonically formatted." };
        var command = new Command("fmt", "Format a policy canonically (comments are not kept).") { policy, check };
        command.SetAction(parse => Run(context, parse.GetValue(policy)!, parse.GetValue(check)));
        return command;
    }

    private static int Run(CliContext context, string path, bool check)
    {
        var text = InputFile.ReadPolicy(path, context);
        if (text is null)
            return CliApp.InvalidInput;
        var parse = TrajParser.Parse(text, path);
        if (parse.HasErrors)
        {
            foreach (var diagnostic in parse.Diagnostics)
                context.Error.WriteLine(diagnostic.ToString());
            return CliApp.InvalidInput;
        }

        var formatted = TrajFormatter.Format(parse.Syntax);
        if (string.Equals(formatted, text, StringComparison.Ordinal))
        {
            context.Output.WriteLine($"{path}: already formatted");
            return CliApp.Success;
        }
        if (check)
        {
            context.Output.WriteLine($"{path}: not formatted (run 'trajeckt fmt {path}')");
            return CliApp.Failed;
        }
        File.WriteAllText(path, formatted);
        context.Output.WriteLine($"{path}: formatted");
        return CliApp.Success;
    }
}
