using System.CommandLine;

namespace Trajeckt.Cli;

// Placeholder until the command is implemented; it refuses rather than pretending to work.
internal static class KeygenCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("keygen", "Not implemented yet.");
        command.SetAction(_ => context.Fail("'keygen' is not implemented yet"));
        return command;
    }
}
