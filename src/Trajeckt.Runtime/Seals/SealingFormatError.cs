namespace Trajeckt.Sealing;

/// <summary>
/// Why a key file or a seal file was refused: a kind to branch on and a one-line message that names the
/// file and, where there is one, the line and column of the offending JSON.
/// </summary>
public sealed class SealingFormatError
{
    internal SealingFormatError(SealingFormatErrorKind kind, string message, int line = 0, int column = 0, string? filePath = null)
    {
        Kind = kind;
        Message = message;
        Line = line;
        Column = column;
        FilePath = filePath;
    }

    /// <summary>What is wrong.</summary>
    public SealingFormatErrorKind Kind { get; }

    /// <summary>The description of the problem, without the file or position.</summary>
    public string Message { get; }

    /// <summary>The 1-based line of the offending JSON, or 0 when the error has no position.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (in UTF-8 bytes) of the offending JSON, or 0 when the error has no position.</summary>
    public int Column { get; }

    /// <summary>The file the error is about, or <see langword="null"/> when the bytes did not come from a file.</summary>
    public string? FilePath { get; }

    /// <summary>Returns the error as one line: <c>file(line,col): message</c>, leaving out what is unknown.</summary>
    public override string ToString()
    {
        var position = Line > 0 ? $"({Line},{Column})" : "";
        var location = (FilePath ?? "") + position;
        return location.Length == 0 ? Message : $"{location}: {Message}";
    }

    internal SealingFormatError InFile(string filePath) => new(Kind, Message, Line, Column, filePath);
}
