using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Trajeckt.Gateway.Sessions;
using Trajeckt.Gateway.Tests.Upstream;
using Trajeckt.TestSupport;

namespace Trajeckt.Gateway.Tests;

/// <summary>
/// Two gateway replicas in front of one upstream share their MCP sessions through one real redis-server
/// (Gateway:SessionStore=Redis): a client may be routed to either replica for any request.
/// </summary>
public sealed class SharedSessionTests : IAsyncLifetime
{
    private const string Refused = "Refused by the Trajeckt policy: ";
    private const string OperatorToken = "operator-token-for-the-shared-session-tests";

    private readonly RedisServer _redis = new();
    private UpstreamServer? _upstream;
    private GatewayServer? _a;
    private GatewayServer? _b;

    private GatewayServer A => _a!;

    private GatewayServer B => _b!;

    public async Task InitializeAsync()
    {
        _upstream = await UpstreamServer.StartAsync<SupportTools>();
        _a = await StartReplicaAsync();
        _b = await StartReplicaAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { _a, _b })
        {
            if (server is not null)
                await server.DisposeAsync();
        }
        if (_upstream is not null)
            await _upstream.DisposeAsync();
        _redis.Dispose();
    }

    [Fact]
    public async Task A_read_through_one_replica_refuses_the_send_through_the_other()
    {
        var router = new ReplicaRouter(A, B);
        await using var agent = await A.ConnectAgentAsync(router);
        var id = agent.SessionId!;
        Assert.NotEqual(true, (await agent.CallAsync("read_customer", ("id", "1"))).IsError);

        router.Target = 1;
        var send = await agent.CallAsync("send_email", ("to", "mallory@example.com"), ("body", "Ada Lovelace, ada@example.com"));
        Assert.True(send.IsError);
        Assert.StartsWith(Refused + "flow: ", send.Text());
        Assert.Equal(GatewayDecision.Refused, Assert.Single(B.Decisions(id)).Outcome);
        // Back on the first replica the taint is still there: refusals are not a replica's local memory.
        router.Target = 0;
        Assert.StartsWith(Refused + "flow: ", (await agent.CallAsync("send_email", ("to", "bob@example.com"), ("body", "x"))).Text());

        // A conversation without the read may send, whichever replica serves it.
        var cleanRouter = new ReplicaRouter(A, B) { Target = 1 };
        await using var clean = await B.ConnectAgentAsync(cleanRouter);
        Assert.NotEqual(true, (await clean.CallAsync("send_email", ("to", "bob@example.com"), ("body", "hello"))).IsError);
        cleanRouter.Target = 0;
        Assert.NotEqual(true, (await clean.CallAsync("memory_write", ("note", "sent"))).IsError);
    }

    [Fact]
    public async Task Calls_alternating_between_replicas_see_every_earlier_call()
    {
        var router = new ReplicaRouter(A, B);
        await using var agent = await A.ConnectAgentAsync(router);
        for (var i = 0; i < 6; i++)
        {
            router.Target = i % 2;
            Assert.NotEqual(true, (await agent.CallAsync("memory_write", ("note", $"n{i}"))).IsError);
        }
        router.Target = 1;
        Assert.NotEqual(true, (await agent.CallAsync("read_customer", ("id", "7"))).IsError);
        router.Target = 0;
        Assert.StartsWith(Refused + "flow: ", (await agent.CallAsync("send_email", ("to", "mallory@example.com"), ("body", "x"))).Text());
    }

    [Fact]
    public async Task Redis_lost_mid_run_refuses_every_call_and_a_restarted_empty_redis_loses_no_refusal()
    {
        var router = new ReplicaRouter(A, B);
        await using var agent = await A.ConnectAgentAsync(router);
        Assert.NotEqual(true, (await agent.CallAsync("memory_write", ("note", "before"))).IsError);

        _redis.Stop();
        for (var i = 0; i < 2; i++)
        {
            router.Target = 0;
            var refused = await agent.CallAsync("send_email", ("to", "bob@example.com"), ("body", "x"));
            Assert.True(refused.IsError);
            Assert.StartsWith(Refused + "store_unavailable: ", refused.Text());
            // The replica that does not hold the session cannot look it up: a server error, never "start over".
            router.Target = 1;
            await Assert.ThrowsAnyAsync<Exception>(() => agent.CallAsync("send_email", ("to", "bob@example.com"), ("body", "y")));
        }
        Assert.All(A.Decisions(agent.SessionId!).Skip(1), d => Assert.Equal(GatewayDecision.Refused, d.Outcome));

        // Redis returns without persistence: the session's state is gone, so its calls stay refused.
        _redis.Start();
        router.Target = 0;
        var lost = await EventuallyAsync(() => agent.CallAsync("send_email", ("to", "bob@example.com"), ("body", "z")), r => !r.Text().Contains("store_unavailable"));
        Assert.True(lost.IsError);
        Assert.StartsWith(Refused + "state_invalid: ", lost.Text());
        Assert.Contains("no state is stored", lost.Text());

        // A new session works again, on either replica.
        var freshRouter = new ReplicaRouter(A, B) { Target = 1 };
        await using var fresh = await B.ConnectAgentAsync(freshRouter);
        freshRouter.Target = 0;
        Assert.NotEqual(true, (await fresh.CallAsync("send_email", ("to", "bob@example.com"), ("body", "after"))).IsError);
    }

    [Fact]
    public async Task An_authorization_is_decided_through_the_store_and_a_lost_store_accepts_none()
    {
        await using var agent = await A.ConnectAgentAsync();
        var path = $"trajeckt/sessions/{agent.SessionId}/authorizations";

        // The stored session's runtime decides: memory_write's floor is authorized by TrustedUser only.
        using (var tooLow = await PostAuthorizationAsync(path, "External"))
        {
            Assert.Equal(HttpStatusCode.OK, tooLow.StatusCode);
            var body = await tooLow.Content.ReadAsStringAsync();
            Assert.Contains("\"accepted\":false", body);
            Assert.Contains("\"reason\":\"authorization_rejected\"", body);
        }
        using (var accepted = await PostAuthorizationAsync(path, "TrustedUser"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Contains("\"accepted\":true", await accepted.Content.ReadAsStringAsync());
        }

        _redis.Stop();
        using var lost = await PostAuthorizationAsync(path, "TrustedUser");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        var lostBody = await lost.Content.ReadAsStringAsync();
        Assert.Contains("\"accepted\":false", lostBody);
        Assert.Contains("\"reason\":\"store_unavailable\"", lostBody);
    }

    [Fact]
    public async Task An_authorization_sent_to_the_replica_that_does_not_hold_the_session_is_decided_through_the_store()
    {
        await using var agent = await A.ConnectAgentAsync();
        var path = $"trajeckt/sessions/{agent.SessionId}/authorizations";
        Assert.False(B.Runtime.Sessions.TryPeek(agent.SessionId!, out _));
        // Untrusted content read on A: a memory write is then under the floor until a trusted user approves it.
        await agent.CallAsync("fetch_url", ("url", "https://example.com/"));
        Assert.StartsWith(Refused + "floor: ", (await agent.CallAsync("memory_write", ("note", "x"))).Text());

        using (var tooLow = await PostAuthorizationAsync(path, "External", B))
            Assert.Contains("\"reason\":\"authorization_rejected\"", await tooLow.Content.ReadAsStringAsync());
        using (var accepted = await PostAuthorizationAsync(path, "TrustedUser", B))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Contains("\"accepted\":true", await accepted.Content.ReadAsStringAsync());
        }
        // The session stays where it was: B decided through the store and took nothing over; A sees the approval.
        Assert.False(B.Runtime.Sessions.TryPeek(agent.SessionId!, out _));
        Assert.NotEqual(true, (await agent.CallAsync("memory_write", ("note", "x"))).IsError);

        using (var unknown = await PostAuthorizationAsync("trajeckt/sessions/made-up-session-id/authorizations", "TrustedUser", B))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        _redis.Stop();
        using var lost = await PostAuthorizationAsync(path, "TrustedUser", B);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        var lostBody = await lost.Content.ReadAsStringAsync();
        Assert.Contains("\"accepted\":false", lostBody);
        Assert.Contains("\"reason\":\"store_unavailable\"", lostBody);
    }

    private async Task<HttpResponseMessage> PostAuthorizationAsync(string path, string by, GatewayServer? replica = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent($$"""{"tool":"memory_write","by":"{{by}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken);
        return await (replica ?? A).Http.SendAsync(request);
    }

    [Fact]
    public async Task A_session_id_the_store_never_registered_is_not_taken_over()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, B.McpUrl)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"send_email","arguments":{"to":"a@b.c","body":"x"}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("Mcp-Session-Id", "made-up-session-id");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        using var response = await B.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, B.Runtime.Sessions.Count);
    }

    [Fact]
    public async Task A_shared_store_needs_a_redis_server_and_a_commitment()
    {
        var missing = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayServer.StartAsync(_upstream!.Url, "--Gateway:SessionStore=Redis"));
        Assert.Contains("Trajeckt:SessionStore:Redis:Configuration", missing.Message);
        var heuristic = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayServer.StartAsync(
            _upstream!.Url,
            "--Gateway:SessionStore=Redis",
            $"--Trajeckt:SessionStore:Redis:Configuration={_redis.Configuration}",
            "--Gateway:Commitment=Heuristic",
            "--Trajeckt:RequireCommitment=false",
            "--Trajeckt:AllowUncommitted=true"));
        Assert.Contains("Gateway:SessionStore", heuristic.Message);
    }

    private Task<GatewayServer> StartReplicaAsync() => GatewayServer.StartAsync(
        _upstream!.Url,
        "--Gateway:UpstreamTimeout=00:00:05",
        "--Gateway:SessionStore=Redis",
        $"--Gateway:OperatorToken={OperatorToken}",
        $"--Trajeckt:SessionStore:Redis:Configuration={_redis.Configuration}");

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> act, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var result = await act();
            if (done(result) || DateTime.UtcNow > deadline)
                return result;
            await Task.Delay(200);
        }
    }
}
