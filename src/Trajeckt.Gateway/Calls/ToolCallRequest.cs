using System.Text.Json;

namespace Trajeckt.Gateway.Calls;

/// <summary>
/// A JSON-RPC <c>tools/call</c> request in the one plain shape the gateway forwards without the SDK: an
/// object with exactly <c>jsonrpc</c> "2.0", a string or number <c>id</c>, <c>method</c> "tools/call" and
/// <c>params</c> holding a string <c>name</c> and an optional object <c>arguments</c>, each key once.
/// Anything else (a notification, a batch, <c>_meta</c>, another key, a duplicate) is not this shape and
/// is left to the SDK, which validates and answers it; so a parse here never decides what the SDK would refuse.
/// </summary>
internal readonly struct ToolCallRequest
{
    private ToolCallRequest(string name, Range id, Range arguments)
    {
        Name = name;
        Id = id;
        Arguments = arguments;
    }

    /// <summary>The tool's name as the client called it.</summary>
    public string Name { get; }

    /// <summary>The request's id, as its JSON text in the body (a string with its quotes, or a number).</summary>
    public Range Id { get; }

    /// <summary>The arguments object as its JSON text in the body; empty when the call has none.</summary>
    public Range Arguments { get; }

    public static bool TryParse(ReadOnlySpan<byte> body, out ToolCallRequest request)
    {
        request = default;
        try
        {
            return TryRead(body, out request);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not well-formed (or a string that is not valid UTF-8): the SDK answers it.
            return false;
        }
    }

    private static bool TryRead(ReadOnlySpan<byte> body, out ToolCallRequest request)
    {
        request = default;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return false;
        bool version = false, method = false, hasParams = false;
        Range id = default;
        var hasId = false;
        string? name = null;
        Range arguments = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("jsonrpc"u8))
            {
                if (version || !reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("2.0"u8))
                    return false;
                version = true;
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                if (method || !reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("tools/call"u8))
                    return false;
                method = true;
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                if (hasId || !reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                    return false;
                id = ValueRange(ref reader);
                hasId = true;
            }
            else if (reader.ValueTextEquals("params"u8))
            {
                if (hasParams || !reader.Read() || !TryReadParams(ref reader, out name, out arguments))
                    return false;
                hasParams = true;
            }
            else
            {
                return false;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || !(version && method && hasId && hasParams))
            return false;
        request = new ToolCallRequest(name!, id, arguments);
        return true;
    }

    private static bool TryReadParams(ref Utf8JsonReader reader, out string? name, out Range arguments)
    {
        name = null;
        arguments = default;
        if (reader.TokenType != JsonTokenType.StartObject)
            return false;
        var hasArguments = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                if (name is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
                    return false;
                name = reader.GetString();
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                if (hasArguments || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                    return false;
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                arguments = start..(int)reader.BytesConsumed;
                hasArguments = true;
            }
            else
            {
                return false;
            }
        }
        return reader.TokenType == JsonTokenType.EndObject && name is not null;
    }

    private static Range ValueRange(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        return start..(int)reader.BytesConsumed;
    }
}
