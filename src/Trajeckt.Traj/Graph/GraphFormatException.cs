namespace Trajeckt.Traj.Graph;

/// <summary>Thrown by <see cref="GraphDecoder.Decode"/> when the bytes are not a valid canonical graph encoding.</summary>
public sealed class GraphFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    /// <param name="error">Why the bytes were refused.</param>
    public GraphFormatException(GraphFormatError error)
        : base("Invalid graph encoding: " + (error ?? throw new ArgumentNullException(nameof(error))))
    {
        Error = error;
    }

    /// <summary>Why the bytes were refused, and where.</summary>
    public GraphFormatError Error { get; }
}
