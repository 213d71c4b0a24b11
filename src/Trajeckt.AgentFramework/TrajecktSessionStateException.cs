namespace Trajeckt.AgentFramework;

/// <summary>
/// An agent session's Trajeckt state was refused: altered, signed by an unknown key, of another commitment, replayed,
/// or not checkable because the store did not answer. The run did not start; nothing was decided or invoked.
/// </summary>
public sealed class TrajecktSessionStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why, starting with its reason code (e.g. <c>state_unauthenticated: ...</c>).</param>
    public TrajecktSessionStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TrajecktSessionStateException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public TrajecktSessionStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
