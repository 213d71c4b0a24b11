namespace Trajeckt.Cli;

/// <summary>Where a command writes: the standard output and error streams, or test doubles.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Writes a one-line error and returns the invalid-input exit code.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"trajeckt: error: {message}");
        return CliApp.InvalidInput;
    }
}
