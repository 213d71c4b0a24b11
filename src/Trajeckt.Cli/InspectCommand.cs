using System.CommandLine;

namespace Trajeckt.Cli;

// Placeholder until the command is implemented; it refuses rather than pretending to work.
internal static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("inspect", "Not implemented yet.");
        command.SetAction(_ => context.Fail("'inspect' is not implemented yet"));
        return command;
    }
}
