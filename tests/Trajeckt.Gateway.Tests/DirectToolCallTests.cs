using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Client;

namespace Trajeckt.Gateway.Tests;

/// <summary>
/// The direct lane for plain tools/call requests (answered as application/json, forwarded as bytes): it
/// decides and records exactly as the SDK path does, and leaves everything unusual to the SDK.
/// </summary>
public sealed class DirectToolCallTests(SupportGateway fixture) : IClassFixture<SupportGateway>
{
    private readonly GatewayServer _gateway = fixture.Gateway;

    [Fact]
    public async Task A_stock_SDK_clients_tools_call_takes_the_direct_lane_and_is_decided()
    {
        var seen = new ConcurrentQueue<(string? Method, string? ContentType)>();
        using var http = new HttpClient(new Recorder(seen));
        await using var agent = await McpClient.CreateAsync(new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = _gateway.McpUrl, TransportMode = HttpTransportMode.StreamableHttp }, http));
        seen.Clear();

        Assert.NotEqual(true, (await agent.CallAsync("read_customer", ("id", "9"))).IsError);
        var refused = await agent.CallAsync("send_email", ("to", "eve@example.net"), ("body", "x"));

        Assert.True(refused.IsError);
        Assert.StartsWith("Refused by the Trajeckt policy: flow:", refused.Text());
        Assert.All(seen.Where(s => s.Method == "tools/call"), s => Assert.Equal("application/json", s.ContentType));
        Assert.Equal(2, seen.Count(s => s.Method == "tools/call"));
        var decisions = _gateway.Decisions(agent.SessionId!);
        Assert.Equal(new[] { "allowed", "refused" }, decisions.Select(d => d.Outcome));
        Assert.Equal(new long[] { 1, 2 }, decisions.Select(d => d.Step));
    }

    [Fact]
    public async Task The_lane_answers_with_the_clients_id_and_the_upstreams_result()
    {
        await using var agent = await _gateway.ConnectAgentAsync();
        using var response = await PostAsync(agent.SessionId!, """{"jsonrpc":"2.0","id":"req \"7\"","method":"tools/call","params":{"name":"read_customer","arguments":{"id":"7"}}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("req \"7\"", answer.RootElement.GetProperty("id").GetString());
        Assert.Equal("customer 7: Ada Lovelace, ada@example.com", answer.RootElement.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("allowed", Assert.Single(_gateway.Decisions(agent.SessionId!)).Outcome);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"read_customer","arguments":{"id":"1"},"_meta":{"progressToken":1}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"read_customer","arguments":{"id":"1"}},"extra":true}""")]
    [InlineData("""{"jsonrpc":"2.0","id":3,"id":4,"method":"tools/call","params":{"name":"read_customer","arguments":{"id":"1"}}}""")]
    public async Task An_unusual_tools_call_is_left_to_the_SDK_and_decided_once(string body)
    {
        await using var agent = await _gateway.ConnectAgentAsync();
        using var response = await PostAsync(agent.SessionId!, body);

        // The SDK answers (a result as an event stream, or its own 400), never the lane.
        Assert.False(response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "application/json");
        Assert.True(_gateway.Decisions(agent.SessionId!).Length <= 1);
    }

    [Fact]
    public async Task A_deleted_session_is_not_served_by_the_lane()
    {
        var agent = await _gateway.ConnectAgentAsync();
        var id = agent.SessionId!;
        await agent.DisposeAsync(); // the SDK client DELETEs its session
        for (var i = 0; i < 50 && _gateway.Runtime.Sessions.TryPeek(id, out _); i++)
            await Task.Delay(20);

        using var response = await PostAsync(id, """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_customer","arguments":{"id":"1"}}}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_gateway.Decisions(id));
    }

    [Fact]
    public async Task An_authenticated_request_is_left_to_the_SDK_which_binds_sessions_to_users()
    {
        await using var agent = await _gateway.ConnectAgentAsync();
        var options = new Configuration.GatewayOptions();
        var body = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_customer","arguments":{"id":"1"}}}"""u8.ToArray();

        async Task<bool> PassedOn(ClaimsPrincipal user)
        {
            var passedOn = false;
            var lane = new Http.DirectToolCalls(_ => { passedOn = true; return Task.CompletedTask; }, _gateway.Runtime, options);
            var context = new DefaultHttpContext { User = user };
            context.Request.Method = "POST";
            context.Request.Path = options.Path;
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = body.Length;
            context.Request.Body = new MemoryStream(body);
            context.Request.Headers.Accept = "application/json, text/event-stream";
            context.Request.Headers["Mcp-Session-Id"] = agent.SessionId;
            context.Request.Headers["MCP-Protocol-Version"] = "2025-11-25";
            context.Response.Body = new MemoryStream();
            await lane.InvokeAsync(context);
            return passedOn;
        }

        Assert.True(await PassedOn(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "alice")], "test"))));
        Assert.Empty(_gateway.Decisions(agent.SessionId!));
        // The same request, anonymous as every request to a gateway without authentication is, takes the lane.
        Assert.False(await PassedOn(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Equal("allowed", Assert.Single(_gateway.Decisions(agent.SessionId!)).Outcome);
    }

    private Task<HttpResponseMessage> PostAsync(string sessionId, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("Mcp-Session-Id", sessionId);
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        return _gateway.Http.SendAsync(request);
    }

    private sealed class Recorder(ConcurrentQueue<(string? Method, string? ContentType)> seen) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var method = request.Headers.TryGetValues("Mcp-Method", out var values) ? values.First() : null;
            seen.Enqueue((method, response.Content.Headers.ContentType?.MediaType));
            return response;
        }
    }
}
