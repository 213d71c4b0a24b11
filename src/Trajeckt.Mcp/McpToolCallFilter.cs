using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Trajeckt.Mcp;

/// <summary>
/// The <c>tools/call</c> filter that <c>WithTrajeckt</c> adds: every call is decided in the Trajeckt session of its MCP
/// session before the tool runs, and every path that cannot decide refuses, as a <c>tools/call</c> result.
/// </summary>
internal static class McpToolCallFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (context, cancellationToken) => InvokeAsync(context, next, cancellationToken);

    private static async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> context, McpRequestHandler<CallToolRequestParams, CallToolResult> next, CancellationToken cancellationToken)
    {
        var toolName = context.Params?.Name ?? string.Empty;
        if (!McpSessions.TryGet(context.Server, out var session))
        {
            return McpRefusal.Create(
                DecisionReason.NoCommitment,
                $"the call of '{toolName}' belongs to no initialized MCP session, so no Trajeckt session can decide it (a stateless HTTP server has no sessions; run it stateful).");
        }
        ServerToolCall call;
        try
        {
            call = ServerToolCall.Of(context, toolName);
        }
        catch (Exception e)
        {
            return McpRefusal.Create(DecisionReason.InternalError, $"finding what the call of '{toolName}' runs failed ({e.GetType().Name}: {e.Message}), so the call is refused.");
        }
        if (call.Refusal is { } refusal)
            return refusal;
        return await TrajecktMcpCalls.InvokeAsync(session, toolName, () => next(context, cancellationToken), call.Claimant).ConfigureAwait(false);
    }
}
