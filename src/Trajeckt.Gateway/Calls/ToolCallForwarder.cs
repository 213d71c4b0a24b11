using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Trajeckt.Gateway.Sessions;
using Trajeckt.Gateway.Upstreams;
using Trajeckt.Mcp;

namespace Trajeckt.Gateway.Calls;

/// <summary>
/// The gateway's tools/call: the MCP session's own Trajeckt session decides the call (the runtime's
/// decision, exactly as in process), a refusal answers at once, and an allowed call is forwarded to its
/// upstream; an upstream failure or timeout is an error to the client and is recorded as decided, then failed.
/// Two transports share that one sequence: the SDK's (<see cref="CallAsync"/>, any request, any upstream)
/// and the direct one (<see cref="CallDirectAsync"/>, a plain tools/call to an HTTP upstream, as bytes).
/// </summary>
internal sealed partial class ToolCallForwarder : IDisposable
{
    private readonly GatewaySessions _sessions;
    private readonly ToolCatalog _tools;
    private readonly Dictionary<Upstream, HttpUpstreamCaller> _callers = new();
    private readonly TimeSpan _upstreamTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ToolCallForwarder(GatewaySessions sessions, ToolCatalog tools, TimeSpan upstreamTimeout, TimeProvider time, ILogger logger)
    {
        _sessions = sessions;
        _tools = tools;
        _upstreamTimeout = upstreamTimeout;
        _time = time;
        _logger = logger;
        foreach (var upstream in tools.Upstreams)
        {
            if (upstream.Endpoint is { } endpoint && upstream.Client.NegotiatedProtocolVersion is { } version)
                _callers.Add(upstream, new HttpUpstreamCaller(endpoint, upstream.Client.SessionId, version));
        }
    }

    public GatewaySessions Sessions => _sessions;

    /// <summary>A tools/call as the SDK's server hands it over.</summary>
    public async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        // No session, an unknown one or an expired one: a protocol error, never a decision in a fresh session.
        if (!_sessions.TryUse(request.Server.SessionId, out var session, out var problem))
            throw new McpProtocolException("Trajeckt gateway: " + problem, McpErrorCode.InvalidRequest);
        var arguments = request.Params?.Arguments;
        return await DecideAndForwardAsync(
            session,
            request.Params?.Name,
            async (tool, token) =>
            {
                var result = await tool.Upstream.Client.CallToolAsync(new CallToolRequestParams { Name = tool.UpstreamName, Arguments = arguments }, token).ConfigureAwait(false);
                return (result, result.Meta);
            },
            static result => result,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether <see cref="CallDirectAsync"/> can forward a call of <paramref name="tool"/> (its upstream is an HTTP one).</summary>
    public bool CanCallDirect(string tool) => _tools.TryGet(tool, out var offered, out _) && offered is not null && _callers.ContainsKey(offered.Upstream);

    /// <summary>
    /// A plain tools/call of a live session, decided exactly as <see cref="CallAsync"/> decides it; returns
    /// the JSON text of the result to answer with (the upstream's own, or the gateway's error result).
    /// </summary>
    public ValueTask<ReadOnlyMemory<byte>> CallDirectAsync(GatewaySession session, string tool, ReadOnlyMemory<byte> arguments, CancellationToken cancellationToken) =>
        DecideAndForwardAsync<ReadOnlyMemory<byte>>(
            session,
            tool,
            (offered, token) => _callers[offered.Upstream].CallAsync(offered.UpstreamName, arguments, token),
            static result => JsonSerializer.SerializeToUtf8Bytes(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult))),
            cancellationToken);

    public void Dispose()
    {
        foreach (var caller in _callers.Values)
            caller.Dispose();
    }

    private async ValueTask<T> DecideAndForwardAsync<T>(
        GatewaySession session,
        string? name,
        Func<UpstreamTool, CancellationToken, Task<(T Result, JsonObject? Meta)>> forward,
        Func<CallToolResult, T> answer,
        CancellationToken cancellationToken)
    {
        // A tool whose definition is not the pinned one is refused before the session decides: it is not the tool the commitment names.
        var known = _tools.TryGet(name, out var tool, out var definitionRefusal);
        if (definitionRefusal is not null)
        {
            session.Record(new GatewayDecision(0, name, GatewayDecision.Refused, ReasonCodes.ToolDefinitionChanged, ReasonCodes.ToolDefinitionChanged + ": " + definitionRefusal, _time.GetUtcNow()));
            return answer(McpRefusal.Create(DecisionReason.ToolDefinitionChanged, definitionRefusal));
        }
        // The decision comes first; nothing reaches an upstream before it.
        var decision = await session.Enforcement.BeginAsync(name, cancellationToken).ConfigureAwait(false);
        var at = _time.GetUtcNow();
        if (!decision.IsAllowed)
        {
            session.Record(new GatewayDecision(decision.Step, name, GatewayDecision.Refused, decision.Code, decision.Message, at));
            return answer(CallResults.Refusal(in decision));
        }

        Trust? origin = null;
        IReadOnlyList<string>? labels = null;
        var completed = false;
        try
        {
            if (!known || tool is null)
                return answer(Failed(session, in decision, at, $"upstream_failed: the call of {name} was allowed at step {decision.Step}, but no upstream offers the tool"));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_upstreamTimeout);
            (T Result, JsonObject? Meta) forwarded;
            try
            {
                forwarded = await forward(tool, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return answer(Failed(session, in decision, at, $"upstream_timeout: the call of {name} was allowed at step {decision.Step}, but upstream '{tool.Upstream.Name}' did not answer within {_upstreamTimeout}"));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogUpstreamFailed(_logger, session.Id, decision.Step, name, tool.Upstream.Name, e.GetType().Name);
                return answer(Failed(session, in decision, at, $"upstream_failed: the call of {name} was allowed at step {decision.Step}, but upstream '{tool.Upstream.Name}' failed ({e.GetType().Name}: {e.Message})"));
            }
            ReportedOutput.Read(forwarded.Meta, out origin, out labels);
            completed = true;
            // Output whose reported taint the session store could not take is withheld: no replica must decide after it without that taint.
            if (await session.Enforcement.CompleteAsync(decision, origin, labels).ConfigureAwait(false) is { } unrecorded)
                return answer(Failed(session, in decision, at, $"store_unavailable: the call of {name} was allowed at step {decision.Step} and ran, but what its output reported could not be recorded, so the output is withheld: {unrecorded}"));
            session.Record(new GatewayDecision(decision.Step, name, GatewayDecision.Allowed, null, null, at));
            return forwarded.Result;
        }
        catch (OperationCanceledException)
        {
            session.Record(new GatewayDecision(decision.Step, name, GatewayDecision.AllowedThenFailed, null, "the client cancelled the call", at));
            throw;
        }
        finally
        {
            // The call was committed when it was allowed; whatever the upstream did, its completion is recorded.
            if (!completed)
                await session.Enforcement.CompleteAsync(decision, origin, labels).ConfigureAwait(false);
        }
    }

    private static CallToolResult Failed(GatewaySession session, in Decision decision, DateTimeOffset at, string message)
    {
        session.Record(new GatewayDecision(decision.Step, decision.ToolName, GatewayDecision.AllowedThenFailed, null, message, at));
        return CallResults.UpstreamFailure(message);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Session {SessionId} step {Step}: the allowed call of {Tool} failed at upstream {Upstream} ({ErrorType}); the client got an error")]
    private static partial void LogUpstreamFailed(ILogger logger, string sessionId, long step, string? tool, string upstream, string errorType);
}
