using ModelContextProtocol.Client;

namespace Trajeckt.Gateway.Upstreams;

/// <summary>A connected upstream MCP server: the SDK client the gateway forwards calls through.</summary>
internal sealed class Upstream : IAsyncDisposable
{
    public Upstream(string name, McpClient client)
    {
        Name = name;
        Client = client;
    }

    /// <summary>The configured name ("upstream" when a single upstream has none).</summary>
    public string Name { get; }

    public McpClient Client { get; }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
