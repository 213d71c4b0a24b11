namespace Trajeckt.Sessions;

/// <summary>
/// An event that changes a session but is not a call (a completion's reported output, an observed
/// input) could not be written to the store. The replica keeps it and writes it before it decides
/// anything else for that session; the caller should treat the session as unusable until then.
/// </summary>
public sealed class SessionStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SessionStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What could not be written and why.</param>
    public SessionStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What could not be written and why.</param>
    /// <param name="innerException">The store's failure.</param>
    public SessionStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
