using System.CommandLine;

namespace Trajeckt.Cli;

// Placeholder until the command is implemented; it refuses rather than pretending to work.
internal static class CompileCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("compile", "Not implemented yet.");
        command.SetAction(_ => context.Fail("'compile' is not implemented yet"));
        return command;
    }
}
