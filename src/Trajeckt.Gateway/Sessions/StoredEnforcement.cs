using Trajeckt.Sessions;

namespace Trajeckt.Gateway.Sessions;

/// <summary>
/// A session whose state lives in the shared store: each call is decided by <see cref="TrajecktSessionManager"/>
/// (load, decide, compare-and-set), so any replica continues it and two replicas never decide on stale state.
/// </summary>
internal sealed class StoredEnforcement(TrajecktSessionManager manager, string key) : SessionEnforcement
{
    /// <summary>The enforcement of the MCP session <paramref name="mcpSessionId"/>, whose state is stored under <c>mcp:&lt;id&gt;</c>.</summary>
    public static StoredEnforcement ForMcpSession(TrajecktSessionManager manager, string mcpSessionId) =>
        new(manager, StoredMcpSessions.StateKeyPrefix + mcpSessionId);

    public override string Name => key;

    public override ValueTask<Decision> BeginAsync(string? tool, CancellationToken cancellationToken) =>
        manager.BeginAsync(key, tool!, cancellationToken);

    public override async ValueTask<string?> CompleteAsync(Decision decision, Trust? origin, IReadOnlyList<string>? labels)
    {
        try
        {
            // Not the client's token: what the output carried is recorded even if the client has gone.
            await manager.CompleteAsync(key, decision, origin, labels, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (SessionStoreException e)
        {
            return e.Message;
        }
    }

    // The manager rejects (store_unavailable, state_invalid) rather than throws when the store cannot decide.
    public override ValueTask<AuthorizationResult> AuthorizeAsync(string tool, Trust by, CancellationToken cancellationToken) =>
        manager.AuthorizeAsync(key, tool, by, cancellationToken);

    // The state stays in the store: another replica, or this one later, continues the session.
    public override void End()
    {
    }
}
