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

    /// <summary>
    /// Gives <paramref name="server"/> its session on its first <c>initialize</c>. A second <c>initialize</c> on the same
    /// MCP session keeps the first session: a client must not be able to wash its taint off by initializing again.
    /// </summary>
    public static void Begin(McpServer server, Func<McpServer, TrajecktSession?> create) =>
        s_sessions.GetValue(server, s => Create(s, create));

    public static bool TryGet(McpServer server, out TrajecktSession session) =>
        s_sessions.TryGetValue(server, out session!);

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
