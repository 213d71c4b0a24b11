using System.CommandLine;
using System.Text;

namespace Trajeckt.Cli;

/// <summary>The <c>trajeckt</c> command line: one subcommand per file, each returning an exit code.</summary>
internal static class CliApp
{
    /// <summary>Exit code when every check or expectation held.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the input was valid but an expectation or check did not hold.</summary>
    public const int Failed = 1;

    /// <summary>Exit code for invalid input (policy, trace, seal, key, graph) or usage.</summary>
    public const int InvalidInput = 2;

    // 64 KiB of output per write system call: a replay prints a line per event (docs/performance.md, CLI replay).
    private const int OutputBufferChars = 64 * 1024;

    /// <summary>
    /// Runs a command with its output buffered (what <c>trajeckt</c> does on the console): flushed before
    /// anything is written to <paramref name="error"/>, and at the end, whatever the outcome.
    /// </summary>
    public static int RunWithBufferedOutput(string[] args, Stream standardOutput, TextWriter error)
    {
        using var output = new StreamWriter(standardOutput, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), OutputBufferChars, leaveOpen: true);
        try
        {
            return Run(args, output, new OutputFirstErrorWriter(error, output));
        }
        finally
        {
            output.Flush();
        }
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var context = new CliContext(output, error);
        var root = new RootCommand("Trajeckt: sealed trajectory commitments for AI agents.")
        {
            CompileCommand.Create(context),
            InspectCommand.Create(context),
            FormatCommand.Create(context),
            KeygenCommand.Create(context),
            SealCommand.Create(context),
            VerifyCommand.Create(context),
            ReplayCommand.Create(context),
            LearnCommand.Create(context),
            LogCommand.Create(context),
            DiffCommand.Create(context),
            Gateway.GatewayCommand.Create(context),
        };
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            var code = parse.Invoke(configuration);
            // System.CommandLine reports usage errors with exit code 1; ours are input errors.
            return parse.Errors.Count > 0 ? InvalidInput : code;
        }
        catch (Exception ex)
        {
            // Never a stack trace: a one-line error and the invalid-input exit code.
            error.WriteLine($"trajeckt: error: {ex.Message}");
            return InvalidInput;
        }
    }
}
