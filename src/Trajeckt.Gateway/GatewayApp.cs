using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using Trajeckt.Gateway.Configuration;
using Trajeckt.Gateway.Http;
using Trajeckt.Gateway.Sessions;

namespace Trajeckt.Gateway;

/// <summary>Builds and starts the gateway: configuration, upstreams, commitment, MCP endpoint and the operator endpoints.</summary>
public static class GatewayApp
{
    /// <summary>Where the gateway listens when <c>urls</c> is not configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8787";

    /// <summary>
    /// Reads the configuration (appsettings.json, environment variables, <paramref name="args"/>), validates
    /// it, connects the upstreams, makes the commitment and starts listening.
    /// </summary>
    /// <param name="args">Command-line arguments, e.g. <c>--Gateway:Upstreams:0:Url=http://127.0.0.1:5000/mcp</c>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started application; dispose it to stop.</returns>
    /// <exception cref="GatewayStartException">The configuration is invalid, an upstream cannot be reached, or the commitment does not load.</exception>
    public static async Task<WebApplication> StartAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        GatewayOptions options;
        TrajecktOptions trajecktOptions;
        try
        {
            options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
            trajecktOptions = builder.Configuration.GetSection(TrajecktOptions.SectionName).Get<TrajecktOptions>() ?? new TrajecktOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new GatewayStartException($"configuration: {e.Message}");
        }
        var urls = (builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? DefaultUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = GatewayOptionsValidation.Validate(options, trajecktOptions, urls);
        if (errors.Count > 0)
            throw new GatewayStartException(errors);

        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(trajecktOptions);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<GatewayRuntime>();
        SharedSessions.Register(builder.Services, options, builder.Configuration);
        builder.Services.AddSingleton(new OriginPolicy(options.AllowedOrigins));
        builder.Services
            .AddMcpServer(server =>
            {
                server.ServerInfo = new Implementation { Name = GatewayInfo.Name, Version = GatewayInfo.Version };
                server.Capabilities = new ServerCapabilities { Tools = new ToolsCapability() };
            })
            .WithHttpTransport(http =>
            {
                // A trajectory is enforced per session. The SDK marks sessions obsolete (the 2026-07-28 revision
                // has none); Stateful refuses that revision, so clients fall back to 2025-11-25 and a session.
#pragma warning disable MCP9006
                http.SessionMode = HttpServerSessionMode.Stateful;
                http.IdleTimeout = options.SessionIdleTimeout;
#pragma warning restore MCP9006
                http.ConfigureSessionOptions = (context, _, _) =>
                {
                    var sessionId = context.Response.Headers["Mcp-Session-Id"].ToString();
                    if (sessionId.Length > 0)
                        context.RequestServices.GetRequiredService<GatewayRuntime>().OpenSession(sessionId);
                    return Task.CompletedTask;
                };
            })
            .WithMessageFilters(filters => filters.AddIncomingFilter(next => (context, ct) =>
            {
                context.Services!.GetRequiredService<GatewayRuntime>().Sessions.Touch(context.Server.SessionId);
                return next(context, ct);
            }))
            .WithListToolsHandler((request, ct) => request.Services!.GetRequiredService<GatewayRuntime>().ListToolsAsync(request, ct))
            .WithCallToolHandler((request, ct) => request.Services!.GetRequiredService<GatewayRuntime>().CallToolAsync(request, ct));

        var app = builder.Build();
        try
        {
            await app.Services.GetRequiredService<GatewayRuntime>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            app.UseMiddleware<OriginMiddleware>();
            app.MapMcp(options.Path);
            OperatorEndpoints.Map(app);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
