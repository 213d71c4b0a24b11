using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Client;

namespace Trajeckt.Mcp.Tests.Infrastructure;

/// <summary>
/// A real MCP server (the SDK's Streamable HTTP transport on Kestrel) on a free loopback port, started by the test and
/// stopped when it is disposed; clients are the SDK's own <see cref="McpClient"/>.
/// </summary>
internal sealed class McpTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<McpClient> _clients = [];

    private McpTestServer(WebApplication app, Uri endpoint, ToolLog log)
    {
        _app = app;
        Endpoint = endpoint;
        Log = log;
    }

    public Uri Endpoint { get; }

    public ToolLog Log { get; }

    /// <summary>Starts a server; <paramref name="configure"/> adds its tools and, for an enforced server, WithTrajeckt.</summary>
    public static async Task<McpTestServer> StartAsync(Action<IMcpServerBuilder> configure, bool stateless = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var log = new ToolLog();
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton<Mailer>();
        var mcp = builder.Services.AddMcpServer()
            .WithHttpTransport(o => o.SessionMode = stateless ? HttpServerSessionMode.Stateless : HttpServerSessionMode.Stateful);
        configure(mcp);
        var app = builder.Build();
        app.MapMcp("/mcp");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new McpTestServer(app, new Uri(address.TrimEnd('/') + "/mcp"), log);
    }

    /// <summary>Connects a new client: a new MCP session.</summary>
    public async Task<McpClient> ConnectAsync()
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = Endpoint, TransportMode = HttpTransportMode.StreamableHttp });
        var client = await McpClient.CreateAsync(transport);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
