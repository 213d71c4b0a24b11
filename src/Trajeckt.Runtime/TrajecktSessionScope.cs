namespace Trajeckt;

/// <summary>
/// Makes a session the ambient <see cref="TrajecktSession.Current"/> until disposed, then restores
/// the session that was current before. Returned by <see cref="TrajecktSession.Enter"/>.
/// </summary>
public readonly struct TrajecktSessionScope : IDisposable
{
    private readonly TrajecktSession? _session;
    private readonly TrajecktSession? _previous;

    internal TrajecktSessionScope(TrajecktSession session, TrajecktSession? previous)
    {
        _session = session;
        _previous = previous;
    }

    /// <summary>Restores the session that was current when the scope was entered.</summary>
    public void Dispose()
    {
        // The default value entered nothing, so it restores nothing.
        if (_session is not null)
            TrajecktSession.SetCurrent(_previous);
    }
}
