using ModelContextProtocol.Server;

namespace Trajeckt.Mcp;

/// <summary>How <see cref="TrajecktMcpServerBuilderExtensions.WithTrajeckt(Microsoft.Extensions.DependencyInjection.IMcpServerBuilder, Action{TrajecktMcpServerOptions})"/> gives each MCP session its Trajeckt session.</summary>
public sealed class TrajecktMcpServerOptions
{
    /// <summary>
    /// Creates the Trajeckt session of one MCP session, when its client sends <c>initialize</c>; required. Make it
    /// enforce a verified commitment: <c>TrajecktSession.Create(commitment)</c> with a <see cref="Commitment"/> the seal
    /// loader verified, or a generated <c>TrajecktGraphs.X.BeginSession(options)</c>. A factory that throws or returns
    /// <see langword="null"/> gives the MCP session a session that refuses every call (<c>internal_error</c>).
    /// </summary>
    public Func<McpServer, TrajecktSession?>? CreateSession { get; set; }
}
