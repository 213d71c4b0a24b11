using ModelContextProtocol.Protocol;
using Trajeckt.Mcp;

namespace Trajeckt.Gateway.Calls;

/// <summary>
/// The results the gateway answers a tools/call with when the upstream's own answer cannot be used: a
/// tool result with <c>isError: true</c> (the model reads why), never a protocol error a client might retry.
/// </summary>
internal static class CallResults
{
    /// <summary>A refused call, shaped exactly as an in-process Trajeckt MCP server shapes it (text and <c>_meta["trajeckt/refusal"]</c>).</summary>
    public static CallToolResult Refusal(in Decision decision) => McpRefusal.Create(decision);

    /// <summary>An allowed call whose upstream failed or timed out.</summary>
    public static CallToolResult UpstreamFailure(string message) => Error(message);

    private static CallToolResult Error(string text) => new()
    {
        IsError = true,
        Content = new List<ContentBlock> { new TextContentBlock { Text = text } },
    };
}
