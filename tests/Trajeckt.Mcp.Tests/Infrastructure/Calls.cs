using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Trajeckt.Mcp.Tests.Infrastructure;

internal static class Calls
{
    public static Task<CallToolResult> CallAsync(this McpClient client, string tool, params (string Name, string Value)[] arguments) =>
        client.CallToolAsync(tool, arguments.ToDictionary(a => a.Name, a => (object?)a.Value)).AsTask();

    public static string Text(this CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    /// <summary>Asserts that the call was refused for <paramref name="code"/> and returns the refusal's message.</summary>
    public static string AssertRefused(this CallToolResult result, string code)
    {
        Assert.True(result.IsError, "expected a refusal, got: " + string.Join(" ", result.Content.OfType<TextContentBlock>().Select(t => t.Text)));
        Assert.True(McpRefusal.TryRead(result, out var actualCode, out var message), "the error result is no Trajeckt refusal: " + result.Text());
        Assert.Equal(code, actualCode);
        Assert.Equal("Refused by the Trajeckt policy: " + message, result.Text());
        return message;
    }

    public static void AssertAllowed(this CallToolResult result) =>
        Assert.True(result.IsError is not true, "expected the call to run, got: " + string.Join(" ", result.Content.OfType<TextContentBlock>().Select(t => t.Text)));
}
