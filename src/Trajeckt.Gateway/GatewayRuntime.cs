using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Trajeckt.Gateway.Calls;
using Trajeckt.Gateway.Commitments;
using Trajeckt.Gateway.Configuration;
using Trajeckt.Gateway.Sessions;
using Trajeckt.Gateway.Upstreams;
using Trajeckt.Sessions;

namespace Trajeckt.Gateway;

/// <summary>Everything the gateway holds at run time: upstreams, the offered tools, the commitment and the sessions.</summary>
internal sealed partial class GatewayRuntime : IAsyncDisposable
{
    private readonly GatewayOptions _options;
    private readonly TrajecktOptions _trajecktOptions;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ITrajecktSessionStore? _store;
    private readonly List<Upstream> _upstreams = new();
    private readonly List<IAsyncDisposable> _notificationHandlers = new();
    private ToolCallForwarder? _forwarder;
    private ToolCatalog? _catalog;
    private volatile bool _listChangedDuringStart;

    // store: the shared session store (Gateway:SessionStore=Redis), or null for sessions in this process.
    public GatewayRuntime(GatewayOptions options, TrajecktOptions trajecktOptions, ILoggerFactory loggerFactory, TimeProvider time, ITrajecktSessionStore? store = null)
    {
        _store = store;
        _options = options;
        _trajecktOptions = trajecktOptions;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("Trajeckt.Gateway");
        _time = time;
        Sessions = new GatewaySessions(time, options.SessionIdleTimeout, store is null ? null : NewSession);
    }

    public GatewaySessions Sessions { get; }

    public GatewayCommitment? Commitment { get; private set; }

    /// <summary>Decides calls on the shared store's states; <see langword="null"/> when sessions live in this process.</summary>
    public TrajecktSessionManager? Manager { get; private set; }

    /// <summary>Decides and forwards tools/call requests; <see langword="null"/> until initialized.</summary>
    public ToolCallForwarder? Forwarder => _forwarder;

    /// <summary>The offered tools held against their pins, once initialized.</summary>
    public ToolCatalog? Catalog => _catalog;

    /// <summary>Connects the upstreams, reads their tools and makes (or verifies) the commitment.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _options.Upstreams.Count; i++)
        {
            var upstream = _options.Upstreams[i];
            try
            {
                _upstreams.Add(await UpstreamConnector.ConnectAsync(upstream, _loggerFactory, _options.UpstreamTimeout, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The target is not logged or echoed: a URL or command line may carry a secret.
                throw new GatewayStartException($"Gateway:Upstreams:{i}: cannot connect to upstream '{(upstream.Name.Length == 0 ? "upstream" : upstream.Name)}' ({e.GetType().Name}: {e.Message}).");
            }
        }

        // Listening before the first tools/list, so that a change between it and the catalog is not missed.
        foreach (var upstream in _upstreams)
        {
            _notificationHandlers.Add(upstream.Client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
            {
                if (_catalog is { } catalog)
                    catalog.OnToolListChanged(upstream);
                else
                    _listChangedDuringStart = true;
                return ValueTask.CompletedTask;
            }));
        }

        List<LiveTool> tools;
        try
        {
            tools = await UpstreamConnector.ListToolsAsync(_upstreams, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not GatewayStartException and not OperationCanceledException)
        {
            throw new GatewayStartException($"Gateway:Upstreams: reading tools/list failed ({e.GetType().Name}: {e.Message}).");
        }

        Commitment = MakeCommitment(tools);
        LogCommitment(_logger, Commitment.Describe());
        if (_store is not null)
        {
            Manager = new TrajecktSessionManager(
                Commitment.Commitment ?? throw new GatewayStartException("Gateway:SessionStore: a shared session store needs a commitment."),
                _store,
                new TrajecktSessionManagerOptions { RequireStartedSessions = true },
                _trajecktOptions,
                _loggerFactory);
        }

        var pins = Commitment.Commitment is { } sealedCommitment
            ? sealedCommitment.Graph.Pins.ToDictionary(p => p.ToolName, p => p.GetHash(), StringComparer.Ordinal)
            : tools.ToDictionary(t => t.Name, t => t.Definition!.Hash, StringComparer.Ordinal);
        _catalog = new ToolCatalog(_upstreams, tools, pins, _options.UpstreamTimeout, _logger);
        _forwarder = new ToolCallForwarder(Sessions, _catalog, _options.UpstreamTimeout, _time, _logger);
        LogPins(_logger, _catalog.Describe());
        if (_listChangedDuringStart)
        {
            foreach (var upstream in _upstreams)
                _catalog.OnToolListChanged(upstream);
        }
    }

    /// <summary>Gives a new MCP session its own Trajeckt session and the gateway's handlers.</summary>
    public void OpenSession(string sessionId)
    {
        var session = Sessions.Open(sessionId, NewSession);
        LogSessionOpened(_logger, sessionId, session.Enforcement.Name);
    }

    /// <summary>
    /// With a shared store, a session that another replica holds (registered in the store at its
    /// <c>initialize</c>), decided here through the store; <see langword="null"/> when sessions live in this
    /// process or the store never registered the id.
    /// </summary>
    /// <exception cref="Exception">The store cannot answer (whatever it throws).</exception>
    public async ValueTask<SessionEnforcement?> FindStoredSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_store is null || Manager is not { } manager)
            return null;
        if (await _store.LoadAsync(StoredMcpSessions.InitializeKeyPrefix + sessionId, cancellationToken).ConfigureAwait(false) is null)
            return null;
        return StoredEnforcement.ForMcpSession(manager, sessionId);
    }

    private GatewaySession NewSession(string sessionId)
    {
        var commitment = Commitment ?? throw new InvalidOperationException("The gateway is not initialized.");
        SessionEnforcement enforcement = Manager is { } manager
            ? StoredEnforcement.ForMcpSession(manager, sessionId)
            : new LocalEnforcement(commitment.CreateSession(_trajecktOptions, _loggerFactory));
        return new GatewaySession(sessionId, enforcement, _options.DecisionHistory, _time.GetTimestamp());
    }

    public ValueTask<ListToolsResult> ListToolsAsync(RequestContext<ListToolsRequestParams> request, CancellationToken cancellationToken)
    {
        if (!Sessions.TryUse(request.Server.SessionId, out _, out var problem))
            throw new ModelContextProtocol.McpProtocolException("Trajeckt gateway: " + problem, ModelContextProtocol.McpErrorCode.InvalidRequest);
        return ValueTask.FromResult(_catalog?.Offered ?? new ListToolsResult());
    }

    public ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        (_forwarder ?? throw new InvalidOperationException("The gateway is not initialized.")).CallAsync(request, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Sessions.Dispose();
        _forwarder?.Dispose();
        foreach (var handler in _notificationHandlers)
            await handler.DisposeAsync().ConfigureAwait(false);
        _catalog?.Dispose();
        foreach (var upstream in _upstreams)
        {
            try
            {
                await upstream.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // Shutting down: an upstream that is already gone needs no goodbye.
            }
        }
    }

    private GatewayCommitment MakeCommitment(List<LiveTool> live)
    {
        if (_options.Commitment == CommitmentMode.Operator)
        {
            var commitment = GatewayCommitment.Operator(_options.Policy!, _options.Seal ?? _options.Policy + ".seal", _options.Trajectory, _trajecktOptions);
            if (commitment.Commitment!.Graph.Pins.Count == 0)
                throw new GatewayStartException(UnpinnedOperatorGraph(live));
            return commitment;
        }

        var problems = new List<string>();
        // A definition that cannot be pinned cannot be offered: the start stops rather than run unpinned.
        foreach (var tool in live.Where(t => t.Definition is null))
            problems.Add($"Gateway:Upstreams: tool '{tool.Name}' of upstream '{tool.Tool.Upstream.Name}' cannot be pinned: {tool.Error}.");
        var tools = live.Select(t => t.Tool).ToList();
        foreach (var name in _options.Tools.Keys.Where(k => !tools.Any(t => t.ExposedName == k)))
            problems.Add($"Gateway:Tools:{name}: no upstream offers a tool of that name (offered: {string.Join(", ", tools.Select(t => t.ExposedName))}).");
        var inferred = new List<InferredTool>();
        foreach (var tool in tools)
        {
            if (_options.Tools.TryGetValue(tool.ExposedName, out var effects))
            {
                if (EffectOverride.TryParse(tool.ExposedName, effects, out var host, out var error))
                    inferred.Add(new InferredTool(host, $"Gateway:Tools:{tool.ExposedName}"));
                else
                    problems.Add(error);
            }
            else
            {
                inferred.Add(EffectInference.Infer(tool.ExposedName, tool.Definition.Annotations));
            }
        }
        if (problems.Count > 0)
            throw new GatewayStartException(problems);
        return _options.Commitment == CommitmentMode.Heuristic
            ? GatewayCommitment.Heuristic(inferred)
            : GatewayCommitment.Auto("Gateway", inferred, live.Select(t => t.Definition!).ToList());
    }

    private string[] UnpinnedOperatorGraph(List<LiveTool> live)
    {
        var problems = new List<string>
        {
            $"Gateway:Policy: the sealed graph of '{_options.Policy}' pins no tool definition, so a changed upstream tool could not be detected. " +
            "Review each definition below, add its pin line to the trajectory, re-seal the policy (trajeckt seal) and start again:",
        };
        foreach (var tool in live)
        {
            problems.Add(tool.Definition is { } definition
                ? $"  // {definition.Canonical}\n  {definition.PinLine}"
                : $"  // {tool.Name} cannot be pinned: {tool.Error}");
        }
        return problems.ToArray();
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "The gateway enforces:\n{Commitment}")]
    private static partial void LogCommitment(ILogger logger, string commitment);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Tool definitions:\n{Pins}")]
    private static partial void LogPins(ILogger logger, string pins);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "MCP session {McpSessionId} opened with its own Trajeckt session {SessionId}")]
    private static partial void LogSessionOpened(ILogger logger, string mcpSessionId, string sessionId);
}
