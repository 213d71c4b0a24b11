using System.CommandLine;

namespace Trajeckt.Cli;

// Placeholder until the command is implemented; it refuses rather than pretending to work.
internal static class FormatCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("fmt", "Not implemented yet.");
        command.SetAction(_ => context.Fail("'fmt' is not implemented yet"));
        return command;
    }
}
