using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using Trajeckt.Sessions;

namespace Trajeckt.Gateway.Sessions;

/// <summary>
/// MCP sessions shared by the gateway's replicas through the session store. At <c>initialize</c> the
/// replica starts the session's Trajeckt state in the store (<c>mcp:&lt;id&gt;</c>) and records the
/// handshake (<c>mcp-initialize:&lt;id&gt;</c>); a replica that receives an <c>Mcp-Session-Id</c> it does not
/// hold asks here (the SDK's session migration) and takes the session over when the store has it.
/// </summary>
internal sealed partial class StoredMcpSessions(GatewayRuntime runtime, ITrajecktSessionStore store, ILogger<StoredMcpSessions> logger) : ISessionMigrationHandler
{
    public const string StateKeyPrefix = "mcp:";
    public const string InitializeKeyPrefix = "mcp-initialize:";

    public async ValueTask OnSessionInitializedAsync(HttpContext context, string sessionId, InitializeRequestParams initializeParams, CancellationToken cancellationToken)
    {
        var manager = runtime.Manager ?? throw new InvalidOperationException("The gateway is not initialized.");
        // The state first: a registered session always has a state, so a missing one means it was lost.
        if (!await manager.StartAsync(StateKeyPrefix + sessionId, cancellationToken).ConfigureAwait(false))
            throw new McpException($"Trajeckt gateway: the MCP session id {sessionId} already has a state in the session store.");
        var record = new JsonObject
        {
            ["user"] = UserOf(context.User),
            ["initialize"] = JsonSerializer.SerializeToNode(initializeParams, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(InitializeRequestParams))),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record);
        if (!await store.TryReplaceAsync(InitializeKeyPrefix + sessionId, 0, new StoredSessionState(1, bytes), cancellationToken).ConfigureAwait(false))
            throw new McpException($"Trajeckt gateway: the MCP session id {sessionId} is already registered in the session store.");
    }

    public async ValueTask<InitializeRequestParams?> AllowSessionMigrationAsync(HttpContext context, string sessionId, CancellationToken cancellationToken)
    {
        // A store that cannot answer throws (the client gets a server error and may retry): answering
        // "unknown session" would tell the client to start over, with no taint.
        var stored = await store.LoadAsync(InitializeKeyPrefix + sessionId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
            return null;
        try
        {
            var record = JsonNode.Parse(stored.State.Span)!.AsObject();
            if ((string?)record["user"] != UserOf(context.User))
            {
                LogMigrationRefused(logger, sessionId, "the request's user is not the user who initialized the session");
                return null;
            }
            var initialize = record["initialize"].Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(InitializeRequestParams)));
            if (initialize is InitializeRequestParams parameters)
            {
                LogMigrated(logger, sessionId);
                return parameters;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
        {
            // Unreadable: the session cannot be taken over; its state stays where it is.
        }
        LogMigrationRefused(logger, sessionId, "its record in the session store is unreadable");
        return null;
    }

    // The user a session belongs to (null when unauthenticated): another user may not take it over.
    private static string? UserOf(ClaimsPrincipal user)
    {
        var claim = user.FindFirst(ClaimTypes.NameIdentifier) ?? user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.Upn);
        return claim is null ? null : claim.Issuer + "\n" + claim.Value;
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "MCP session {McpSessionId} taken over from the session store")]
    private static partial void LogMigrated(ILogger logger, string mcpSessionId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "MCP session {McpSessionId} not taken over: {Reason}")]
    private static partial void LogMigrationRefused(ILogger logger, string mcpSessionId, string reason);
}
