using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Trajeckt.Mcp;

/// <summary>Puts an MCP server built with the MCP C# SDK under a Trajeckt commitment.</summary>
public static class TrajecktMcpServerBuilderExtensions
{
    /// <summary>
    /// Decides every <c>tools/call</c> of the server in the Trajeckt session of its MCP session before the tool runs.
    /// Each MCP session gets its own session when its client sends <c>initialize</c>
    /// (<see cref="TrajecktMcpServerOptions.CreateSession"/>); a call in no initialized MCP session (a stateless HTTP
    /// request) is refused. A refusal is a result with <c>isError: true</c> (<see cref="McpRefusal"/>).
    /// </summary>
    /// <param name="builder">The server's builder.</param>
    /// <param name="configure">Sets the options; <see cref="TrajecktMcpServerOptions.CreateSession"/> is required.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options set no <see cref="TrajecktMcpServerOptions.CreateSession"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>WithTrajeckt</c> was already called on these services: every call would be decided twice.</exception>
    public static IMcpServerBuilder WithTrajeckt(this IMcpServerBuilder builder, Action<TrajecktMcpServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new TrajecktMcpServerOptions();
        configure(options);
        var create = options.CreateSession ?? throw new ArgumentException(
            "WithTrajeckt needs TrajecktMcpServerOptions.CreateSession: say which verified commitment each MCP session enforces.", nameof(configure));
        if (builder.Services.Any(d => d.ServiceType == typeof(Registered)))
            throw new InvalidOperationException("WithTrajeckt is already applied to this MCP server; deciding each call twice would count it twice.");
        builder.Services.AddSingleton<Registered>();
        builder.WithMessageFilters(filters => filters.AddIncomingFilter(next => async (context, cancellationToken) =>
        {
            // The session is made before the SDK answers, so no tools/call of this MCP session can precede it.
            if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.Initialize })
                McpSessions.Begin(context.Server, create);
            await next(context, cancellationToken).ConfigureAwait(false);
        }));
        return builder.WithRequestFilters(filters => filters.AddCallToolFilter(McpToolCallFilter.Wrap));
    }

    /// <summary>Decides every <c>tools/call</c> in a session that <paramref name="createSession"/> makes for each MCP session.</summary>
    /// <param name="builder">The server's builder.</param>
    /// <param name="createSession">Creates the session of one MCP session (see <see cref="TrajecktMcpServerOptions.CreateSession"/>).</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>WithTrajeckt</c> was already called on these services.</exception>
    public static IMcpServerBuilder WithTrajeckt(this IMcpServerBuilder builder, Func<McpServer, TrajecktSession?> createSession)
    {
        ArgumentNullException.ThrowIfNull(createSession);
        return builder.WithTrajeckt(o => o.CreateSession = createSession);
    }

    /// <summary>
    /// Decides every <c>tools/call</c> in a fresh session of <paramref name="commitment"/> for each MCP session, which logs
    /// to the server's <see cref="ILoggerFactory"/>.
    /// </summary>
    /// <param name="builder">The server's builder.</param>
    /// <param name="commitment">The verified commitment (from the seal loader) every MCP session enforces.</param>
    /// <param name="options">The sessions' options; <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="commitment"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>WithTrajeckt</c> was already called on these services.</exception>
    public static IMcpServerBuilder WithTrajeckt(this IMcpServerBuilder builder, Commitment commitment, TrajecktOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return builder.WithTrajeckt(server => TrajecktSession.Create(commitment, options, LoggerFactory(server)));
    }

    /// <summary>
    /// Decides every <c>tools/call</c> in a fresh session of the loaded commitment for each MCP session. A failed load
    /// refuses every call with its reason (<c>seal_invalid</c>, ...), never degrading to an unrestricted session.
    /// </summary>
    /// <param name="builder">The server's builder.</param>
    /// <param name="load">The outcome of loading and verifying the sealed commitment.</param>
    /// <param name="options">The sessions' options; <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="load"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>WithTrajeckt</c> was already called on these services.</exception>
    public static IMcpServerBuilder WithTrajeckt(this IMcpServerBuilder builder, CommitmentLoadResult load, TrajecktOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        return builder.WithTrajeckt(server => TrajecktSession.Create(load, options, LoggerFactory(server)));
    }

    private static ILoggerFactory? LoggerFactory(McpServer server) => server.Services?.GetService<ILoggerFactory>();

    /// <summary>Marks services that already have the Trajeckt filters.</summary>
    private sealed class Registered;
}
