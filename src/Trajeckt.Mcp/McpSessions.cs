using System.Reflection;
using System.Runtime.CompilerServices;
using ModelContextProtocol.Server;

namespace Trajeckt.Mcp;

/// <summary>
/// The Trajeckt session of each MCP session, keyed by the SDK's <see cref="McpServer"/> for that session: created when
/// its client initializes it, and dropped with it (a weak key: an ended or expired MCP session keeps nothing alive).
/// </summary>
internal static class McpSessions
{
    private static readonly ConditionalWeakTable<McpServer, TrajecktSession> s_sessions = new();

    // Filters and tools see the session's server through a wrapper made for each message (it binds replies to the
    // request's transport); the SDK keeps it internal, holding the session's own server in a field. Without that field
    // (a changed SDK) no message can be told apart by session, and every call is refused: never a shared or fresh session.
    private static readonly Type? s_wrapper = typeof(McpServer).Assembly.GetType("ModelContextProtocol.Server.DestinationBoundMcpServer");

    private static readonly FieldInfo? s_wrapped = s_wrapper?
        .GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
        .SingleOrDefault(f => typeof(McpServer).IsAssignableFrom(f.FieldType));

    /// <summary>
    /// Gives the MCP session of <paramref name="server"/> its session on its first <c>initialize</c>. A second
    /// <c>initialize</c> keeps the first session: a client must not be able to wash its taint off by initializing again.
    /// </summary>
    /// <returns>Whether the MCP session could be told; if not, its calls are refused.</returns>
    public static bool Begin(McpServer server, Func<McpServer, TrajecktSession?> create)
    {
        if (SessionServer(server) is not { } key)
            return false;
        s_sessions.GetValue(key, _ => Create(server, create));
        return true;
    }

    public static bool TryGet(McpServer server, out TrajecktSession session)
    {
        session = null!;
        return SessionServer(server) is { } key && s_sessions.TryGetValue(key, out session!);
    }

    /// <summary>The server object of the MCP session that <paramref name="server"/> (maybe a per-message wrapper) belongs to.</summary>
    private static McpServer? SessionServer(McpServer server)
    {
        if (server.GetType() != s_wrapper)
            return server;
        return s_wrapped?.GetValue(server) as McpServer;
    }

    // Every failure yields a session that refuses every call: the MCP session is never left without one to fail open.
    private static TrajecktSession Create(McpServer server, Func<McpServer, TrajecktSession?> create)
    {
        try
        {
            return create(server) ?? Refusing("the session factory returned no session");
        }
        catch (Exception e)
        {
            return Refusing($"the session factory threw {e.GetType().Name}: {e.Message}");
        }
    }

    private static TrajecktSession Refusing(string cause) =>
        TrajecktSession.Create(CommitmentLoadResult.Failure(DecisionReason.InternalError, "creating the Trajeckt session of this MCP session failed: " + cause));
}
