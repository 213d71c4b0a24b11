using McpGateway;
using Trajeckt.Gateway.Tests.Upstream;

namespace Trajeckt.Gateway.Tests;

/// <summary>A stdio upstream: the sample MCP server started by the gateway as <c>dotnet McpGateway.dll stdio</c>, through the SDK's stdio transport.</summary>
public sealed class StdioUpstreamTests
{
    private static readonly string SampleDll = typeof(SampleUpstream).Assembly.Location;

    [Fact]
    public async Task A_stdio_upstream_is_decided_like_an_HTTP_one()
    {
        await using var gateway = await GatewayServer.StartAsync(null,
            "--Gateway:Upstreams:0:Command=dotnet", $"--Gateway:Upstreams:0:Arguments:0={SampleDll}", "--Gateway:Upstreams:0:Arguments:1=stdio");
        await using var agent = await gateway.ConnectAgentAsync();

        var read = await agent.CallAsync("read_customer", ("id", "42"));
        Assert.NotEqual(true, read.IsError);
        Assert.Equal("customer 42: Ada Lovelace, ada@example.com, card ending 4242", read.Text());
        var send = await agent.CallAsync("send_email", ("to", "eve@example.net"), ("body", "x"));
        Assert.True(send.IsError);
        Assert.StartsWith("Refused by the Trajeckt policy: flow:", send.Text());
        Assert.Equal(new[] { "allowed", "refused" }, gateway.Decisions(agent.SessionId!).Select(d => d.Outcome));
    }

    [Fact]
    public async Task A_stdio_and_an_HTTP_upstream_side_by_side_share_one_trajectory()
    {
        await using var http = await UpstreamServer.StartAsync<SupportTools>();
        await using var gateway = await GatewayServer.StartAsync(null,
            "--Gateway:Upstreams:0:Name=crm", "--Gateway:Upstreams:0:Command=dotnet",
            $"--Gateway:Upstreams:0:Arguments:0={SampleDll}", "--Gateway:Upstreams:0:Arguments:1=stdio",
            "--Gateway:Upstreams:1:Name=mail", $"--Gateway:Upstreams:1:Url={http.Url}");
        await using var agent = await gateway.ConnectAgentAsync();

        // The read runs on the stdio upstream, the send would run on the HTTP one: the taint crosses them.
        var read = await agent.CallAsync("crm__read_customer", ("id", "1"));
        Assert.True(read.IsError != true, read.Text());
        var send = await agent.CallAsync("mail__send_email", ("to", "eve@example.net"), ("body", "x"));
        Assert.True(send.IsError);
        Assert.StartsWith("Refused by the Trajeckt policy: flow:", send.Text());
    }
}
