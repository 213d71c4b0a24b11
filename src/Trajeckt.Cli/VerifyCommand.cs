using System.CommandLine;

namespace Trajeckt.Cli;

// Placeholder until the command is implemented; it refuses rather than pretending to work.
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("verify", "Not implemented yet.");
        command.SetAction(_ => context.Fail("'verify' is not implemented yet"));
        return command;
    }
}
