using System.Text;

namespace Trajeckt.Cli;

/// <summary>
/// The error stream of a command whose output is buffered: before anything reaches standard error, the
/// buffered output is flushed, so on a terminal an error still appears after the lines that preceded it.
/// </summary>
internal sealed class OutputFirstErrorWriter : TextWriter
{
    private readonly TextWriter _error;
    private readonly TextWriter _output;

    public OutputFirstErrorWriter(TextWriter error, TextWriter output)
    {
        _error = error;
        _output = output;
        CoreNewLine = error.NewLine.ToCharArray();
    }

    public override Encoding Encoding => _error.Encoding;

    public override void Write(char value)
    {
        _output.Flush();
        _error.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        _output.Flush();
        _error.Write(buffer, index, count);
    }

    public override void Write(string? value)
    {
        _output.Flush();
        _error.Write(value);
    }

    public override void WriteLine(string? value)
    {
        _output.Flush();
        _error.WriteLine(value);
    }

    public override void Flush() => _error.Flush();
}
