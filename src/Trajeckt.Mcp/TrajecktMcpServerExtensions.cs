using System.Diagnostics.CodeAnalysis;
using ModelContextProtocol.Server;

namespace Trajeckt.Mcp;

/// <summary>Reaches the Trajeckt session of an MCP session from code that holds its <see cref="McpServer"/> (a tool, a handler).</summary>
public static class TrajecktMcpServerExtensions
{
    /// <summary>
    /// The Trajeckt session that decides the calls of <paramref name="server"/>'s MCP session, for example to record an
    /// authorization the user gave (<see cref="TrajecktSession.Authorize(string, Trust)"/>) or to read its recent decisions.
    /// </summary>
    /// <param name="server">The MCP session's server (a tool method can take it as a parameter).</param>
    /// <param name="session">The session, when the MCP session has one.</param>
    /// <returns>
    /// Whether the MCP session has a Trajeckt session: <see langword="false"/> when the server has no <c>WithTrajeckt</c>,
    /// or the request belongs to no initialized MCP session (a stateless HTTP request).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="server"/> is <see langword="null"/>.</exception>
    public static bool TryGetTrajecktSession(this McpServer server, [NotNullWhen(true)] out TrajecktSession? session)
    {
        ArgumentNullException.ThrowIfNull(server);
        var found = McpSessions.TryGet(server, out var s);
        session = found ? s : null;
        return found;
    }
}
