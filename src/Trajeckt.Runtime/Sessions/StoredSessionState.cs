namespace Trajeckt.Sessions;

/// <summary>A session state as a store holds it: the bytes of <see cref="TrajecktSession.Snapshot"/> and their version.</summary>
public sealed class StoredSessionState
{
    /// <summary>Creates a stored state.</summary>
    /// <param name="version">The state's <see cref="TrajecktSession.StateVersion"/>, at least 1.</param>
    /// <param name="state">The state's bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public StoredSessionState(long version, ReadOnlyMemory<byte> state)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Version = version;
        State = state;
    }

    /// <summary>The state's version; versions of one session only grow.</summary>
    public long Version { get; }

    /// <summary>The state's bytes.</summary>
    public ReadOnlyMemory<byte> State { get; }
}
