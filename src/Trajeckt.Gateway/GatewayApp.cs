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

        // With a shared session store every call goes through the SDK, whose session migration decides
        // which ids a replica may serve; the direct lane serves only sessions held in this process.
        var directLane = options.SessionStore == GatewaySessionStore.Process;
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
                // In one process the gateway's own expiry is the one that counts: calls served by
                // DirectToolCalls never reach the SDK, so its idle clock would end sessions in use. An SDK
                // session that outlives its expired gateway session answers every call with "expired" (the
                // SDK's MaxIdleSessionCount bounds how many it keeps). Shared sessions have no direct lane.
                http.IdleTimeout = directLane ? Timeout.InfiniteTimeSpan : options.SessionIdleTimeout;
#pragma warning restore MCP9006
#pragma warning disable MCPEXP002
                // When the SDK ends a session (a DELETE from its client, shutdown), its enforcement state goes
                // with it, so no lane serves a session the SDK no longer has.
                http.RunSessionHandler = async (context, server, ct) =>
                {
                    // Resolved now: the initialize request's services are gone by the time the session ends.
                    var runtime = context.RequestServices.GetRequiredService<GatewayRuntime>();
                    try
                    {
                        await server.RunAsync(ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        if (server.SessionId is { } id)
                            runtime.Sessions.Close(id);
                    }
                };
#pragma warning restore MCPEXP002
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
        if (options.StopWhenInputCloses)
            InputClosedShutdown.Watch(app.Lifetime);
        try
        {
            await app.Services.GetRequiredService<GatewayRuntime>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            app.UseMiddleware<OriginMiddleware>();
            if (directLane)
                app.UseMiddleware<DirectToolCalls>();
            app.MapMcp(options.Path);
            OperatorEndpoints.Map(app);
            if (options.OperatorToken is not null)
                OperatorAuthorizations.Map(app, options.OperatorToken);
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
