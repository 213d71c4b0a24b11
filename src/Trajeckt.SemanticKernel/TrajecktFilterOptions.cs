namespace Trajeckt.SemanticKernel;

/// <summary>How the Trajeckt kernel filters find the session and handle a refused call.</summary>
public sealed class TrajecktFilterOptions
{
    /// <summary>
    /// The session that decides every call. When <see langword="null"/>, <see cref="SessionProvider"/> is asked,
    /// then <see cref="TrajecktSession.Current"/>; with none of them every call is refused (<c>no_commitment</c>).
    /// </summary>
    public TrajecktSession? Session { get; set; }

    /// <summary>Gives the session for a call when <see cref="Session"/> is not set (for example one session per conversation).</summary>
    public Func<TrajecktSession?>? SessionProvider { get; set; }

    /// <summary>What a refused call produces; <see cref="TrajecktRefusalBehavior.ReturnRefusal"/> by default.</summary>
    public TrajecktRefusalBehavior OnRefusal { get; set; }
}
