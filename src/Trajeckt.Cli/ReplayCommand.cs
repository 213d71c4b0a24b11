using System.CommandLine;

namespace Trajeckt.Cli;

// Placeholder until the command is implemented; it refuses rather than pretending to work.
internal static class ReplayCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("replay", "Not implemented yet.");
        command.SetAction(_ => context.Fail("'replay' is not implemented yet"));
        return command;
    }
}
