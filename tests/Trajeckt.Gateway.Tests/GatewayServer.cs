using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using Trajeckt.Gateway.Sessions;

namespace Trajeckt.Gateway.Tests;

/// <summary>The gateway (the real app, configured by its command line) on a free loopback port, and agents that talk to it.</summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayServer(WebApplication app)
    {
        _app = app;
        BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    public Uri BaseUrl { get; }

    public Uri McpUrl => new(BaseUrl, "mcp");

    /// <summary>A plain HTTP client for the operator endpoints and raw requests.</summary>
    public HttpClient Http { get; }

    internal GatewayRuntime Runtime => _app.Services.GetRequiredService<GatewayRuntime>();

    // upstream: the first upstream's URL, or null when the settings configure the upstreams.
    public static async Task<GatewayServer> StartAsync(Uri? upstream, params string[] settings)
    {
        var args = new List<string> { "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning" };
        if (upstream is not null)
            args.Add($"--Gateway:Upstreams:0:Url={upstream}");
        args.AddRange(settings);
        return new GatewayServer(await GatewayApp.StartAsync(args.ToArray()));
    }

    /// <summary>Connects a stock SDK client to the gateway, as an agent would.</summary>
    public Task<McpClient> ConnectAgentAsync() =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpUrl,
            TransportMode = HttpTransportMode.StreamableHttp,
        }));

    /// <summary>Connects a stock SDK client whose requests go wherever <paramref name="router"/> sends them.</summary>
    public Task<McpClient> ConnectAgentAsync(ReplicaRouter router) =>
        McpClient.CreateAsync(new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = McpUrl, TransportMode = HttpTransportMode.StreamableHttp },
            new HttpClient(router),
            ownsHttpClient: true));

    internal GatewayDecision[] Decisions(string sessionId) =>
        Runtime.Sessions.TryPeek(sessionId, out var session) ? session.RecentDecisions() : Array.Empty<GatewayDecision>();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
