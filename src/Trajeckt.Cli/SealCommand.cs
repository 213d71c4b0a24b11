using System.CommandLine;

namespace Trajeckt.Cli;

// Placeholder until the command is implemented; it refuses rather than pretending to work.
internal static class SealCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("seal", "Not implemented yet.");
        command.SetAction(_ => context.Fail("'seal' is not implemented yet"));
        return command;
    }
}
