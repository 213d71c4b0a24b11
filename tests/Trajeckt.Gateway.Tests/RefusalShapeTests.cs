using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Trajeckt.Mcp;

namespace Trajeckt.Gateway.Tests;

/// <summary>A gateway refusal has exactly the shape of an in-process Trajeckt MCP server's (McpRefusal).</summary>
public sealed class RefusalShapeTests(SupportGateway fixture) : IClassFixture<SupportGateway>
{
    private readonly GatewayServer _gateway = fixture.Gateway;

    [Fact]
    public async Task A_policy_refusal_is_the_in_process_result_byte_for_byte()
    {
        await using var agent = await _gateway.ConnectAgentAsync();
        await agent.CallAsync("read_customer", ("id", "42"));
        var send = await agent.CallAsync("send_email", ("to", "x@example.net"), ("body", "b"));

        var inProcess = TrajecktSession.Create(_gateway.Runtime.Commitment!.Commitment!);
        Assert.True(inProcess.Begin("read_customer").IsAllowed);
        var expected = McpRefusal.Create(inProcess.Begin("send_email"));

        Assert.True(McpRefusal.TryRead(send, out var code, out var message));
        Assert.Equal("flow", code);
        Assert.StartsWith("flow: ", message);
        Assert.Equal(Json(expected), Json(send));
        Assert.Equal(2, send.Meta![McpRefusal.MetaKey]!["step"]!.GetValue<long>());
        Assert.Equal("send_email", send.Meta![McpRefusal.MetaKey]!["tool"]!.GetValue<string>());
    }

    private static string Json(CallToolResult result) =>
        JsonSerializer.Serialize(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult)));
}
