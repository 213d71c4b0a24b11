using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;

namespace Trajeckt.Gateway.Calls;

/// <summary>
/// Sends an allowed tools/call to a Streamable HTTP upstream as one JSON-RPC POST over a pooled
/// connection, as the gateway's SDK client of that upstream would send it: in the protocol revision it
/// negotiated, in its MCP session (<c>Mcp-Session-Id</c>) for the revisions with sessions, or with the
/// per-request metadata (<c>_meta</c> protocol version, client info and capabilities) for 2026-07-28 and
/// later; with the <c>Mcp-Method</c> and <c>Mcp-Name</c> headers. It returns the JSON text of the
/// upstream's result. A second SDK round trip (serializing, dispatching and parsing through the SDK's
/// client) is what this saves; docs/performance.md has the figures.
/// </summary>
internal sealed class HttpUpstreamCaller : IDisposable
{
    /// <summary>The largest upstream answer read; a larger one fails the call (as an error, never an allow).</summary>
    public const int MaxResponseBytes = 64 * 1024 * 1024;

    private static readonly MediaTypeWithQualityHeaderValue s_json = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue s_eventStream = new("text/event-stream");
    private static readonly MediaTypeHeaderValue s_jsonContent = new("application/json") { CharSet = "utf-8" };

    // Far above any id the SDK client of the same upstream session will use, so the two never collide.
    private long _nextId = 1L << 40;
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string? _sessionId;
    private readonly string _protocolVersion;
    private readonly bool _perRequestMetadata;

    public HttpUpstreamCaller(Uri endpoint, string? sessionId, string protocolVersion)
    {
        _endpoint = endpoint;
        _sessionId = sessionId;
        _protocolVersion = protocolVersion;
        // Dates compare as text: 2026-07-28 is the first revision without sessions.
        _perRequestMetadata = string.CompareOrdinal(protocolVersion, "2026-07-28") >= 0;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
        {
            MaxResponseContentBufferSize = MaxResponseBytes,
            Timeout = Timeout.InfiniteTimeSpan, // the caller's token carries the gateway's upstream timeout
        };
    }

    /// <summary>Calls <paramref name="tool"/> with the arguments' JSON text; returns the result's JSON text and its <c>_meta</c>.</summary>
    /// <exception cref="HttpRequestException">The upstream answered with an HTTP error, or the connection failed.</exception>
    /// <exception cref="McpProtocolException">The upstream answered with a JSON-RPC error, or with no answer to the call.</exception>
    public async Task<(ReadOnlyMemory<byte> Result, JsonObject? Meta)> CallAsync(string tool, ReadOnlyMemory<byte> arguments, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = Body(id, tool, arguments) };
        request.Headers.Accept.Add(s_json);
        request.Headers.Accept.Add(s_eventStream);
        if (_sessionId is not null)
            request.Headers.TryAddWithoutValidation("Mcp-Session-Id", _sessionId);
        request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", _protocolVersion);
        request.Headers.TryAddWithoutValidation("Mcp-Method", "tools/call");
        request.Headers.TryAddWithoutValidation("Mcp-Name", HeaderValue(tool));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"the upstream answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var isEventStream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
        return UpstreamAnswer.Read(body, isEventStream, id);
    }

    public void Dispose() => _http.Dispose();

    // A name that is not printable ASCII travels Base64-encoded in the "=?base64?...?=" wrapper (SEP-2243).
    private static string HeaderValue(string value) =>
        value.All(c => c is >= ' ' and <= '~') && value.Trim().Length == value.Length
            ? value
            : "=?base64?" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)) + "?=";

    private ByteArrayContent Body(long id, string tool, ReadOnlyMemory<byte> arguments)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + arguments.Length + tool.Length * 3);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            writer.WriteNumber("id"u8, id);
            writer.WriteString("method"u8, "tools/call"u8);
            writer.WriteStartObject("params"u8);
            writer.WriteString("name"u8, tool);
            if (!arguments.IsEmpty)
            {
                writer.WritePropertyName("arguments"u8);
                // Validated as one JSON object when the client's request was parsed.
                writer.WriteRawValue(arguments.Span, skipInputValidation: true);
            }
            if (_perRequestMetadata)
            {
                writer.WriteStartObject("_meta"u8);
                writer.WriteString("io.modelcontextprotocol/protocolVersion"u8, _protocolVersion);
                writer.WriteStartObject("io.modelcontextprotocol/clientInfo"u8);
                writer.WriteString("name"u8, GatewayInfo.Name);
                writer.WriteString("version"u8, GatewayInfo.Version);
                writer.WriteEndObject();
                // The gateway's client offers the upstream no capabilities (no sampling, roots or elicitation).
                writer.WriteStartObject("io.modelcontextprotocol/clientCapabilities"u8);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        var content = new ByteArrayContent(buffer.WrittenMemory.ToArray());
        content.Headers.ContentType = s_jsonContent;
        return content;
    }
}
