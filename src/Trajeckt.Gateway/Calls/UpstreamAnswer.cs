using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;

namespace Trajeckt.Gateway.Calls;

/// <summary>
/// Finds the answer to one JSON-RPC request in an upstream's HTTP response: a JSON body, or the server-sent
/// event that carries it among the upstream's other messages (notifications, which the gateway does not relay).
/// </summary>
internal static class UpstreamAnswer
{
    /// <summary>Returns the result's JSON text (a slice of <paramref name="body"/>) and its <c>_meta</c>.</summary>
    /// <exception cref="McpProtocolException">The answer is a JSON-RPC error, is malformed, or is missing.</exception>
    public static (ReadOnlyMemory<byte> Result, JsonObject? Meta) Read(byte[] body, bool isEventStream, long id)
    {
        if (!isEventStream)
            return TryRead(body, id, out var answer) ? answer : throw Missing();
        // Events are separated by a blank line; an event's data lines make up its message.
        var data = new List<byte>();
        var position = 0;
        while (position <= body.Length)
        {
            var end = Array.IndexOf(body, (byte)'\n', position);
            var lineEnd = end < 0 ? body.Length : end;
            var line = body.AsMemory(position, lineEnd - position);
            if (!line.IsEmpty && line.Span[^1] == (byte)'\r')
                line = line[..^1];
            if (line.IsEmpty)
            {
                if (data.Count > 0 && TryRead(data.ToArray(), id, out var answer))
                    return answer;
                data.Clear();
            }
            else if (line.Span.StartsWith("data:"u8))
            {
                var value = line.Span[5..];
                if (!value.IsEmpty && value[0] == (byte)' ')
                    value = value[1..];
                if (data.Count > 0)
                    data.Add((byte)'\n');
                data.AddRange(value);
            }
            if (end < 0)
                break;
            position = end + 1;
        }
        if (data.Count > 0 && TryRead(data.ToArray(), id, out var last))
            return last;
        throw Missing();
    }

    private static bool TryRead(byte[] message, long id, out (ReadOnlyMemory<byte> Result, JsonObject? Meta) answer)
    {
        answer = default;
        Utf8JsonReader reader;
        bool isOurs = false, hasResult = false;
        Range result = default;
        JsonObject? error = null;
        try
        {
            reader = new Utf8JsonReader(message);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    isOurs = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) && value == id;
                }
                else if (reader.ValueTextEquals("result"u8))
                {
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    result = start..(int)reader.BytesConsumed;
                    hasResult = reader.TokenType == JsonTokenType.EndObject;
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    error = JsonNode.Parse(message.AsSpan(start, (int)reader.BytesConsumed - start)) as JsonObject;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException e)
        {
            throw new McpProtocolException($"the upstream's answer is not valid JSON-RPC ({e.Message})", McpErrorCode.ParseError);
        }
        if (!isOurs)
            return false;
        if (error is not null || !hasResult)
        {
            var code = error?["code"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : (int)McpErrorCode.InternalError;
            var text = error?["message"] is JsonValue m && m.TryGetValue<string>(out var s) ? s : "no result";
            throw new McpProtocolException($"Request failed (remote): {text}", (McpErrorCode)code);
        }
        var slice = message.AsMemory(result);
        answer = (slice, ReadMeta(slice.Span));
        return true;
    }

    // Only a result that carries _meta pays for parsing it; the reported origin and labels live there.
    private static JsonObject? ReadMeta(ReadOnlySpan<byte> result)
    {
        var reader = new Utf8JsonReader(result);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMeta = reader.ValueTextEquals("_meta"u8);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (isMeta)
            {
                // The SDK's client cannot read a result whose _meta is not an object either: the call failed.
                return JsonNode.Parse(result[start..(int)reader.BytesConsumed]) as JsonObject
                    ?? throw new McpProtocolException("the upstream's result has a _meta that is not an object", McpErrorCode.InvalidParams);
            }
        }
        return null;
    }

    private static McpProtocolException Missing() =>
        new("the upstream's response carries no answer to the call", McpErrorCode.InternalError);
}
