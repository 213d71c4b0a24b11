using System.Reflection;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Trajeckt.Extensions.AI;
using Trajeckt.Interception;

namespace Trajeckt.Mcp;

/// <summary>
/// What a <c>tools/call</c> will run on this server, and so which gate inside it, if any, is the call the filter decides:
/// each MCP call is counted once, whether the tool method is itself a <c>[Tool]</c> or calls one.
/// </summary>
internal readonly record struct ServerToolCall(object? Claimant, CallToolResult? Refusal)
{
    public static ServerToolCall Of(RequestContext<CallToolRequestParams> context, string toolName)
    {
        switch (context.MatchedPrimitive)
        {
            case null:
                // No tool of the server's collection: only the application's own handler can run it, and a handler is no
                // tool itself, so the first gate of this tool that it reaches is the decided call.
                return context.Server.ServerOptions.Handlers.CallToolHandler is null
                    ? Refuse(DecisionReason.UnknownTool, $"this MCP server has no tool '{toolName}'.")
                    : new(FrameworkDecisions.FirstGateOfTheTool, null);
            case McpServerTool tool when FunctionOf(tool) is { } function:
                return OfFunction(function, toolName);
            default:
                // A server tool of a kind not known here: a gate inside it decides again (counted twice, never undecided).
                return new(null, null);
        }
    }

    // The SDK's AIFunctionMcpServerTool (what [McpServerTool] methods and McpServerTool.Create make) is internal; its
    // AIFunction property is internal too. If it moves, tools are of an unknown kind: gates inside decide again, never less.
    private static readonly Type? s_functionTool = typeof(McpServerTool).Assembly.GetType("ModelContextProtocol.Server.AIFunctionMcpServerTool");

    private static readonly PropertyInfo? s_function = s_functionTool?.GetProperty("AIFunction", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

    private static AIFunction? FunctionOf(McpServerTool tool) =>
        tool.GetType() == s_functionTool ? s_function?.GetValue(tool) as AIFunction : null;

    private static ServerToolCall OfFunction(AIFunction function, string toolName)
    {
        if (ToolFunctions.IsGate(function))
        {
            // A gated function (generated, or a TrajecktAIFunction) served as an MCP tool: the SDK invokes that very
            // object, which claims the decision by identity.
            return SameTool(ToolFunctions.ToolName(function), toolName) ?? new(function, null);
        }
        if (ToolMethodNames.TryGet(function.UnderlyingMethod, out var methodTool))
        {
            // An [McpServerTool] that is also a [Tool]: the SDK runs the method by reflection, which no interceptor sees,
            // so this decision is the tool's only one. Nothing may claim it: a call the method makes to itself is another call.
            return SameTool(methodTool, toolName) ?? new(null, null);
        }
        // A plain [McpServerTool] method is no tool: the first [Tool] call of this tool in its body is the decided call.
        return new(FrameworkDecisions.FirstGateOfTheTool, null);
    }

    // Deciding a call as one tool while another runs would apply the wrong effects: refused until they are named alike.
    private static ServerToolCall? SameTool(string runs, string called) =>
        string.Equals(runs, called, StringComparison.Ordinal)
            ? null
            : Refuse(DecisionReason.UnknownTool, $"the MCP tool '{called}' runs the Trajeckt tool '{runs}'; give both the same name so that the call is decided as the tool that runs.");

    private static ServerToolCall Refuse(DecisionReason reason, string explanation) => new(null, McpRefusal.Create(reason, explanation));
}
