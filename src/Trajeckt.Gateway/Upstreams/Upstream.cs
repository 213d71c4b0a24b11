using ModelContextProtocol.Client;

namespace Trajeckt.Gateway.Upstreams;

/// <summary>A connected upstream MCP server: the SDK client the gateway forwards calls through.</summary>
internal sealed class Upstream : IAsyncDisposable
{
    public Upstream(string name, McpClient client, Uri? endpoint = null)
    {
        Name = name;
        Client = client;
        Endpoint = endpoint;
    }

    /// <summary>The configured name ("upstream" when a single upstream has none).</summary>
    public string Name { get; }

    public McpClient Client { get; }

    /// <summary>The Streamable HTTP endpoint, or <see langword="null"/> for a stdio upstream.</summary>
    public Uri? Endpoint { get; }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
