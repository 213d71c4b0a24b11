namespace Trajeckt.Sessions;

/// <summary>
/// Where session states live between requests and across replicas: a map from a session key to the
/// latest state and its version, with an atomic compare-and-set. <see cref="TrajecktSessionManager"/>
/// decides with the runtime's own code and only loads and replaces states here, so a store never decides.
/// </summary>
/// <remarks>
/// Implementations throw when the store cannot answer (unreachable, timed out, inconsistent data); the
/// manager turns that into a refusal with <c>store_unavailable</c>. Built in:
/// <see cref="InMemoryTrajecktSessionStore"/>; Redis: the Trajeckt.Redis package.
/// </remarks>
public interface ITrajecktSessionStore
{
    /// <summary>Loads the latest state of a session.</summary>
    /// <param name="sessionKey">The session's key (e.g. a conversation id).</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The state, or <see langword="null"/> when none is stored under the key.</returns>
    ValueTask<StoredSessionState?> LoadAsync(string sessionKey, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="state"/> if the stored version is still <paramref name="expectedVersion"/>, atomically.</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="expectedVersion">The version the state was derived from; 0 when none was stored.</param>
    /// <param name="state">The new state; its version is greater than <paramref name="expectedVersion"/>.</param>
    /// <param name="cancellationToken">Cancels the write (the outcome is then unknown, and the caller refuses).</param>
    /// <returns>Whether the state was stored; <see langword="false"/> when another writer got there first.</returns>
    ValueTask<bool> TryReplaceAsync(string sessionKey, long expectedVersion, StoredSessionState state, CancellationToken cancellationToken = default);
}
