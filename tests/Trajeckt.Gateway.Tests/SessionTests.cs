using ModelContextProtocol;
using Trajeckt.Gateway.Tests.Upstream;

namespace Trajeckt.Gateway.Tests;

/// <summary>One Trajeckt session per MCP session: no shared taint, idle expiry, and no decision outside a session.</summary>
public sealed class SessionTests(SupportGateway fixture) : IClassFixture<SupportGateway>
{
    private readonly GatewayServer _gateway = fixture.Gateway;

    [Fact]
    public async Task Two_concurrent_sessions_do_not_share_taint()
    {
        await using var tainted = await _gateway.ConnectAgentAsync();
        await using var clean = await _gateway.ConnectAgentAsync();
        Assert.NotEqual(tainted.SessionId, clean.SessionId);

        for (var round = 0; round < 5; round++)
        {
            var reads = Enumerable.Range(0, 4).Select(i => tainted.CallAsync("read_customer", ("id", $"{round}-{i}")));
            var sends = Enumerable.Range(0, 4).Select(i => clean.CallAsync("send_email", ("to", "bob@example.com"), ("body", $"{round}-{i}")));
            var results = await Task.WhenAll(reads.Concat(sends));
            Assert.All(results, r => Assert.NotEqual(true, r.IsError));
        }

        Assert.True((await tainted.CallAsync("send_email", ("to", "bob@example.com"), ("body", "x"))).IsError);
        Assert.NotEqual(true, (await clean.CallAsync("send_email", ("to", "bob@example.com"), ("body", "y"))).IsError);
    }

    [Fact]
    public async Task An_idle_session_expires_its_state_is_dropped_and_its_calls_are_refused()
    {
        await using var upstream = await UpstreamServer.StartAsync<SupportTools>();
        await using var gateway = await GatewayServer.StartAsync(upstream.Url, "--Gateway:SessionIdleTimeout=00:00:00.500");
        await using var agent = await gateway.ConnectAgentAsync();
        Assert.NotEqual(true, (await agent.CallAsync("read_customer", ("id", "1"))).IsError);
        var id = agent.SessionId!;
        Assert.Single(gateway.Decisions(id));

        await Task.Delay(TimeSpan.FromMilliseconds(1500));

        // The taint of the read went with the state: the send must still not be decided in a fresh session.
        var error = await Assert.ThrowsAnyAsync<McpException>(() => agent.CallAsync("send_email", ("to", "bob@example.com"), ("body", "x")));
        Assert.Contains("expired", error.Message);
        Assert.Empty(gateway.Decisions(id));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await gateway.Http.GetAsync($"trajeckt/sessions/{id}/decisions")).StatusCode);
        Assert.Equal(0, gateway.Runtime.Sessions.Count);
    }

    [Fact]
    public async Task The_decisions_endpoint_lists_a_sessions_last_decisions()
    {
        await using var agent = await _gateway.ConnectAgentAsync();
        await agent.CallAsync("read_customer", ("id", "7"));
        await agent.CallAsync("send_email", ("to", "eve@example.net"), ("body", "x"));
        var json = await _gateway.Http.GetStringAsync($"trajeckt/sessions/{agent.SessionId}/decisions");
        Assert.Contains("\"outcome\":\"allowed\"", json);
        Assert.Contains("\"outcome\":\"refused\"", json);
        Assert.Contains("\"code\":\"flow\"", json);
        Assert.DoesNotContain("eve@example.net", json);
    }

    [Fact]
    public async Task An_upstream_that_crashes_mid_call_is_an_error_recorded_as_decided_then_failed()
    {
        await using var agent = await _gateway.ConnectAgentAsync();
        var result = await agent.CallAsync("crash");
        Assert.True(result.IsError);
        Assert.StartsWith("upstream_failed: the call of crash was allowed at step 1, but upstream 'upstream' failed", result.Text());
        var decision = Assert.Single(_gateway.Decisions(agent.SessionId!));
        Assert.Equal("allowed_then_failed", decision.Outcome);
        Assert.Equal(1, decision.Step);

        // The crashed call was committed: its label is in the taint, so the send stays refused.
        Assert.True((await agent.CallAsync("send_email", ("to", "x@example.net"), ("body", "b"))).IsError);
    }

    [Fact]
    public async Task An_upstream_that_does_not_answer_in_time_is_an_error_recorded_as_decided_then_failed()
    {
        await using var upstream = await UpstreamServer.StartAsync<SupportTools>();
        await using var gateway = await GatewayServer.StartAsync(upstream.Url, "--Gateway:UpstreamTimeout=00:00:00.300");
        await using var agent = await gateway.ConnectAgentAsync();
        var result = await agent.CallAsync("slow");
        Assert.True(result.IsError);
        Assert.Equal("upstream_timeout: the call of slow was allowed at step 1, but upstream 'upstream' did not answer within 00:00:00.3000000", result.Text());
        Assert.Equal("allowed_then_failed", Assert.Single(gateway.Decisions(agent.SessionId!)).Outcome);
    }
}
