using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Trajeckt.Gateway.Sessions;
using Trajeckt.Gateway.Upstreams;

namespace Trajeckt.Gateway.Calls;

/// <summary>
/// The gateway's tools/call: the MCP session's own Trajeckt session decides the call (the runtime's
/// decision, exactly as in process), a refusal answers at once, and an allowed call is forwarded to its
/// upstream; an upstream failure or timeout is an error to the client and is recorded as decided, then failed.
/// </summary>
internal sealed partial class ToolCallForwarder
{
    private readonly GatewaySessions _sessions;
    private readonly IReadOnlyDictionary<string, UpstreamTool> _tools;
    private readonly TimeSpan _upstreamTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ToolCallForwarder(GatewaySessions sessions, IReadOnlyDictionary<string, UpstreamTool> tools, TimeSpan upstreamTimeout, TimeProvider time, ILogger logger)
    {
        _sessions = sessions;
        _tools = tools;
        _upstreamTimeout = upstreamTimeout;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        // No session, an unknown one or an expired one: a protocol error, never a decision in a fresh session.
        if (!_sessions.TryUse(request.Server.SessionId, out var session, out var problem))
            throw new McpProtocolException("Trajeckt gateway: " + problem, McpErrorCode.InvalidRequest);

        var name = request.Params?.Name;
        var decision = await session.Enforcement.BeginAsync(name, cancellationToken).ConfigureAwait(false);
        var at = _time.GetUtcNow();
        if (!decision.IsAllowed)
        {
            session.Record(new GatewayDecision(decision.Step, name, GatewayDecision.Refused, decision.Code, decision.Message, at));
            return CallResults.Refusal(in decision);
        }

        Trust? origin = null;
        IReadOnlyList<string>? labels = null;
        var completed = false;
        try
        {
            if (name is null || !_tools.TryGetValue(name, out var tool))
                return Failed(session, in decision, at, $"upstream_failed: the call of {name} was allowed at step {decision.Step}, but no upstream offers the tool");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_upstreamTimeout);
            CallToolResult result;
            try
            {
                result = await tool.Upstream.Client.CallToolAsync(
                    new CallToolRequestParams { Name = tool.UpstreamName, Arguments = request.Params!.Arguments },
                    timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Failed(session, in decision, at, $"upstream_timeout: the call of {name} was allowed at step {decision.Step}, but upstream '{tool.Upstream.Name}' did not answer within {_upstreamTimeout}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogUpstreamFailed(_logger, session.Id, decision.Step, name, tool.Upstream.Name, e.GetType().Name);
                return Failed(session, in decision, at, $"upstream_failed: the call of {name} was allowed at step {decision.Step}, but upstream '{tool.Upstream.Name}' failed ({e.GetType().Name}: {e.Message})");
            }
            ReportedOutput.Read(result.Meta, out origin, out labels);
            completed = true;
            // Output whose reported taint the session store could not take is withheld: no replica must decide after it without that taint.
            if (await session.Enforcement.CompleteAsync(decision, origin, labels).ConfigureAwait(false) is { } unrecorded)
                return Failed(session, in decision, at, $"store_unavailable: the call of {name} was allowed at step {decision.Step} and ran, but what its output reported could not be recorded, so the output is withheld: {unrecorded}");
            session.Record(new GatewayDecision(decision.Step, name, GatewayDecision.Allowed, null, null, at));
            return result;
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
