using System.Globalization;

namespace Trajeckt.Replay;

/// <summary>
/// The error a <see cref="TraceReader"/> throws for an invalid trace: what is wrong and where, as a
/// file, a 1-based line and a 1-based column (of the offending token where the JSON gives it).
/// </summary>
public sealed class TraceFormatException : Exception
{
    /// <summary>Creates the error for an invalid trace.</summary>
    /// <param name="errorCode">Why the trace is invalid.</param>
    /// <param name="filePath">The trace file, as the caller named it.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column, in UTF-16 code units.</param>
    /// <param name="message">What is wrong, in one sentence.</param>
    public TraceFormatException(TraceErrorCode errorCode, string filePath, int line, int column, string message)
        : base(message)
    {
        ErrorCode = errorCode;
        FilePath = filePath;
        Line = line;
        Column = column;
    }

    /// <summary>Why the trace is invalid.</summary>
    public TraceErrorCode ErrorCode { get; }

    /// <summary>The stable diagnostic code of <see cref="ErrorCode"/>, e.g. <c>TRC0005</c>.</summary>
    public string Code => "TRC" + ((int)ErrorCode).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The trace file, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, in UTF-16 code units.</summary>
    public int Column { get; }

    /// <summary>The MSBuild-style line <c>file(line,col): error TRCxxxx: message</c>.</summary>
    public string Diagnostic => string.Create(CultureInfo.InvariantCulture, $"{FilePath}({Line},{Column}): error {Code}: {Message}");
}
