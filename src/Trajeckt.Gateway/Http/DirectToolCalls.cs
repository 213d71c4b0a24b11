using System.Buffers;
using Microsoft.AspNetCore.Http;
using Trajeckt.Gateway.Calls;

namespace Trajeckt.Gateway.Http;

/// <summary>
/// The gateway's fast lane for the request it serves most: a plain tools/call (see <see cref="ToolCallRequest"/>)
/// of a live session to a tool of an HTTP upstream. It is decided by the same <see cref="ToolCallForwarder"/>
/// sequence as through the SDK, forwarded as bytes and answered with the result as <c>application/json</c>
/// (which Streamable HTTP clients must accept), without a second SDK round trip. Every other request, and
/// every one that looks unusual in any way (a header, the body's shape, an unknown session, a stdio
/// upstream), goes on to the SDK unchanged, which validates and answers it as before: the lane only takes
/// what it can serve exactly as the SDK would, and never answers where the SDK would refuse.
/// </summary>
internal sealed class DirectToolCalls
{
    private static readonly byte[] s_responseStart = """{"jsonrpc":"2.0","id":"""u8.ToArray();
    private static readonly byte[] s_resultStart = ""","result":"""u8.ToArray();

    private readonly RequestDelegate _next;
    private readonly GatewayRuntime _runtime;
    private readonly PathString _path;
    private readonly long _maxBodyBytes;

    public DirectToolCalls(RequestDelegate next, GatewayRuntime runtime, Configuration.GatewayOptions options)
    {
        _next = next;
        _runtime = runtime;
        _path = new PathString(options.Path);
        _maxBodyBytes = options.MaxRequestBodyBytes;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // An authenticated request goes to the SDK, which binds a session to the user who opened it; the lane
        // knows sessions by id only.
        if (context.User.Identity?.IsAuthenticated == true
            || !HttpMethods.IsPost(request.Method) || request.Path != _path || request.ContentLength is <= 0
            || request.ContentLength > _maxBodyBytes || !HasPlainHeaders(request.Headers))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        // Kestrel enforces Gateway:MaxRequestBodyBytes on this read as on the SDK's (413), with or without Content-Length.
        var body = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 4096));
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(body.AsMemory(length), context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == body.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(body.Length * 2);
                    body.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(body);
                    body = larger;
                }
            }
            var forwarder = _runtime.Forwarder;
            if (forwarder is null || !ToolCallRequest.TryParse(body.AsSpan(0, length), out var call) || !forwarder.CanCallDirect(call.Name)
                || !forwarder.Sessions.TryUse(request.Headers["Mcp-Session-Id"].ToString(), out var session, out _))
            {
                // The SDK reads the same bytes and answers as it always does (a 404 for an unknown session, ...).
                request.Body = new MemoryStream(body, 0, length, writable: false);
                await _next(context).ConfigureAwait(false);
                return;
            }

            var message = body.AsMemory(0, length);
            var arguments = call.Arguments.Equals(default(Range)) ? ReadOnlyMemory<byte>.Empty : message[call.Arguments];
            var result = await forwarder.CallDirectAsync(session, call.Name, arguments, context.RequestAborted).ConfigureAwait(false);
            var id = message[call.Id];
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json";
            response.ContentLength = s_responseStart.Length + id.Length + s_resultStart.Length + result.Length + 1;
            var writer = response.BodyWriter;
            writer.Write(s_responseStart);
            writer.Write(id.Span);
            writer.Write(s_resultStart);
            writer.Write(result.Span);
            writer.Write("}"u8);
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    // The lane serves the revisions with sessions that carry the version header, to a client that accepts
    // JSON answers. For these revisions the SDK ignores the Mcp-Method and Mcp-Name headers (its client sends
    // them anyway); the body's method and name are what is decided and forwarded. A Mcp-Method that names
    // another method is left to the SDK.
    private static bool HasPlainHeaders(IHeaderDictionary headers)
    {
        var method = headers["Mcp-Method"];
        if (headers["Mcp-Session-Id"].Count != 1 || (method.Count > 0 && (method.Count != 1 || method[0]!.Trim() != "tools/call"))
            || headers.ContentType.Count != 1 || !headers.ContentType[0]!.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return false;
        var version = headers["MCP-Protocol-Version"];
        if (version.Count != 1 || version[0] is not ("2025-11-25" or "2025-06-18"))
            return false;
        var accept = headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            && accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);
    }
}
