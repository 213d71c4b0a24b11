using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Trajeckt.Gateway.Tests;

/// <summary>What the gateway does with requests no stock client sends: malformed, oversized, foreign, sessionless.</summary>
public sealed class HttpSurfaceTests(SupportGateway fixture) : IClassFixture<SupportGateway>
{
    private const string ToolsCall = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"send_email","arguments":{"to":"x@example.net","body":"b"}}}""";

    private readonly GatewayServer _gateway = fixture.Gateway;

    [Fact]
    public async Task A_tools_call_without_a_session_id_is_refused_undecided()
    {
        using var response = await PostAsync(ToolsCall);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("initialize", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tools_call_with_an_unknown_session_id_is_refused_undecided()
    {
        using var response = await PostAsync(ToolsCall, sessionId: "no-such-session");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Session not found", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"method":"tools/call"}""")]
    [InlineData("[]")]
    [InlineData("42")]
    public async Task Malformed_JSON_RPC_is_a_bad_request(string body)
    {
        using var response = await PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_JSON_RPC_inside_a_session_decides_nothing()
    {
        await using var agent = await _gateway.ConnectAgentAsync();
        using var response = await PostAsync("""{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":42}}""", agent.SessionId);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"error\"", text);
        Assert.Empty(_gateway.Decisions(agent.SessionId!));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var padding = new string('a', 2 * 1024 * 1024);
        using var response = await PostAsync(ToolsCall.Replace("\"b\"", $"\"{padding}\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_foreign_origin_is_forbidden_and_a_loopback_one_is_served()
    {
        using (var response = await PostAsync(ToolsCall, origin: "http://evil.example"))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using (var response = await PostAsync(ToolsCall, origin: "http://localhost:3000"))
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // past the origin check: no session
        using var health = new HttpRequestMessage(HttpMethod.Get, "healthz");
        health.Headers.Add("Origin", "http://127.0.0.1.evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await _gateway.Http.SendAsync(health)).StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? sessionId = null, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
            request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        }
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return _gateway.Http.SendAsync(request);
    }
}
