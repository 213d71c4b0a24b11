namespace Trajeckt.Traj.Graph;

/// <summary>Why <see cref="GraphDecoder"/> refused an encoding, and where.</summary>
public sealed class GraphFormatError
{
    /// <summary>Creates an error.</summary>
    /// <param name="kind">What is wrong.</param>
    /// <param name="offset">The byte offset of the offending value.</param>
    /// <param name="message">A sentence that says what was found and what was expected.</param>
    public GraphFormatError(GraphFormatErrorKind kind, long offset, string message)
    {
        Kind = kind;
        Offset = offset;
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>What is wrong.</summary>
    public GraphFormatErrorKind Kind { get; }

    /// <summary>The byte offset, from the start of the encoding, of the value that is wrong.</summary>
    public long Offset { get; }

    /// <summary>What was found and what was expected.</summary>
    public string Message { get; }

    /// <summary>The error as one line: kind, offset and message.</summary>
    public override string ToString() => $"{Kind} at byte {Offset}: {Message}";
}
