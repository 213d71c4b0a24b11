using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Trajeckt.Gateway.Tests;

internal static class AgentCalls
{
    public static Task<CallToolResult> CallAsync(this McpClient agent, string tool, params (string Name, object? Value)[] arguments) =>
        agent.CallToolAsync(tool, arguments.ToDictionary(a => a.Name, a => a.Value)).AsTask();

    public static string Text(this CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}
