using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Trajeckt.GatewayBenchmarks;

/// <summary>
/// A lean MCP client for the load generator: the initialize handshake, then tools/call as one HTTP POST of
/// fixed bytes. It costs far less CPU than the SDK's client, so on a machine where the load generator,
/// the gateway and the upstream share two cores, the figures measure the servers rather than the client.
/// </summary>
internal sealed class RawMcpClient : IDisposable
{
    private const string ProtocolVersion = "2025-11-25";
    private static readonly MediaTypeWithQualityHeaderValue s_json = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue s_eventStream = new("text/event-stream");
    private static readonly MediaTypeHeaderValue s_jsonContent = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _sessionId;
    private readonly byte[] _call;

    private RawMcpClient(HttpClient http, Uri endpoint, string sessionId, byte[] call)
    {
        _http = http;
        _endpoint = endpoint;
        _sessionId = sessionId;
        _call = call;
    }

    public static async Task<RawMcpClient> ConnectAsync(Uri endpoint, string tool, string argumentsJson)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        using var initialize = Post(endpoint, """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"load","version":"1"}}}"""u8.ToArray(), null);
        using var response = await http.SendAsync(initialize);
        response.EnsureSuccessStatusCode();
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        await response.Content.ReadAsByteArrayAsync();
        using var initialized = Post(endpoint, """{"jsonrpc":"2.0","method":"notifications/initialized"}"""u8.ToArray(), sessionId);
        using (var ack = await http.SendAsync(initialized))
            ack.EnsureSuccessStatusCode();
        var call = Encoding.UTF8.GetBytes($$$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{argumentsJson}}}}}""");
        return new RawMcpClient(http, endpoint, sessionId, call);
    }

    /// <summary>Makes the call; throws unless the answer is a result that is not an error.</summary>
    public async Task CallAsync()
    {
        using var request = Post(_endpoint, _call, _sessionId);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode || !IsSuccess(body))
            throw new InvalidOperationException($"The benchmark's call failed: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
    }

    public void Dispose() => _http.Dispose();

    private static bool IsSuccess(ReadOnlySpan<byte> body)
    {
        // A JSON body, or one server-sent event whose data is the JSON-RPC message.
        var data = body.IndexOf("data: "u8);
        if (data >= 0)
        {
            body = body[(data + 6)..];
            var end = body.IndexOf((byte)'\n');
            body = end >= 0 ? body[..end] : body;
        }
        using var message = JsonDocument.Parse(body.ToArray());
        return message.RootElement.TryGetProperty("result", out var result)
            && !(result.TryGetProperty("isError", out var isError) && isError.ValueKind == JsonValueKind.True);
    }

    private static HttpRequestMessage Post(Uri endpoint, byte[] body, string? sessionId)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = s_jsonContent;
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Accept.Add(s_json);
        request.Headers.Accept.Add(s_eventStream);
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
            request.Headers.Add("MCP-Protocol-Version", ProtocolVersion);
        }
        return request;
    }
}
