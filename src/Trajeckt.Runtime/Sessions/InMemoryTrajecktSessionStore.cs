using System.Collections.Concurrent;

namespace Trajeckt.Sessions;

/// <summary>
/// The default session store: states in this process's memory, compare-and-set on a concurrent
/// dictionary. Sessions are shared by everything in the process and lost when it stops, so a service
/// on several replicas needs a shared store (Redis) or session affinity (docs/scaling.md).
/// </summary>
public sealed class InMemoryTrajecktSessionStore : ITrajecktSessionStore
{
    private readonly ConcurrentDictionary<string, StoredSessionState> _states = new(StringComparer.Ordinal);

    /// <summary>The number of sessions stored.</summary>
    public int Count => _states.Count;

    /// <inheritdoc/>
    public ValueTask<StoredSessionState?> LoadAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_states.TryGetValue(sessionKey, out var state) ? state : null);
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryReplaceAsync(string sessionKey, long expectedVersion, StoredSessionState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(state.Version, expectedVersion, nameof(state));
        cancellationToken.ThrowIfCancellationRequested();
        if (expectedVersion == 0)
            return ValueTask.FromResult(_states.TryAdd(sessionKey, state));
        // Compare-and-set on the stored object: it is replaced only if nobody replaced it since it was read.
        return ValueTask.FromResult(
            _states.TryGetValue(sessionKey, out var current)
            && current.Version == expectedVersion
            && _states.TryUpdate(sessionKey, state, current));
    }

    /// <summary>Forgets a session.</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <returns>Whether a state was stored under the key.</returns>
    public bool Remove(string sessionKey) => _states.TryRemove(sessionKey, out _);
}
