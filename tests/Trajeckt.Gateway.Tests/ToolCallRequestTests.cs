using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Trajeckt.Gateway.Calls;

namespace Trajeckt.Gateway.Tests;

/// <summary>The direct lane's parser: it reads exactly the plain tools/call shape, and never throws.</summary>
public sealed class ToolCallRequestTests
{
    private static readonly Gen<JsonNode?> s_value = Gen.OneOf<JsonNode?>(
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Bool.Select(_ => (JsonNode?)null));

    private static readonly Gen<JsonObject> s_arguments = Gen.Dictionary(Gen.String[0, 8], s_value)[0, 5]
        .Select(d => new JsonObject(d.Select(p => KeyValuePair.Create(p.Key, p.Value))));

    private static readonly Gen<JsonNode> s_id = Gen.OneOf<JsonNode>(Gen.String.Select(s => (JsonNode)JsonValue.Create(s)), Gen.Long.Select(l => (JsonNode)JsonValue.Create(l)));

    [Fact]
    public void A_plain_tools_call_in_any_key_order_is_read_exactly()
    {
        Gen.Select(Gen.String, s_id, s_arguments.Null(), Gen.Int[0, 23]).Sample((name, id, arguments, order) =>
        {
            var parameters = new JsonObject { ["name"] = name };
            if (arguments is not null)
                parameters["arguments"] = arguments.DeepClone();
            var members = new List<KeyValuePair<string, JsonNode?>>
            {
                new("jsonrpc", "2.0"), new("id", id.DeepClone()), new("method", "tools/call"), new("params", parameters),
            };
            var permuted = Permutation(members, order);
            var body = Encoding.UTF8.GetBytes(new JsonObject(permuted).ToJsonString());

            Assert.True(ToolCallRequest.TryParse(body, out var request));
            Assert.Equal(name, request.Name);
            Assert.True(JsonNode.DeepEquals(id, JsonNode.Parse(body.AsSpan()[request.Id])));
            if (arguments is null)
                Assert.Equal(default, request.Arguments);
            else
                Assert.True(JsonNode.DeepEquals(arguments, JsonNode.Parse(body.AsSpan()[request.Arguments])));
        });
    }

    [Fact]
    public void Any_bytes_are_read_or_refused_never_thrown()
    {
        const string plain = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_customer","arguments":{"id":"1"}}}""";
        var mutated = Gen.Select(Gen.Int[0, plain.Length - 1], Gen.Byte, Gen.Int[0, 2]).Select((at, b, kind) =>
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(plain));
            if (kind == 0) bytes[at] = b;
            else if (kind == 1) bytes.RemoveAt(at);
            else bytes.Insert(at, b);
            return bytes.ToArray();
        });
        Gen.OneOf(Gen.Byte.Array[0, 200], mutated).Sample(body =>
        {
            if (ToolCallRequest.TryParse(body, out var request))
            {
                // Whatever it read is the JSON the SDK would read: the same name, a valid id and arguments.
                using var document = JsonDocument.Parse(body);
                Assert.Equal(document.RootElement.GetProperty("params").GetProperty("name").GetString(), request.Name);
                Assert.Equal("tools/call", document.RootElement.GetProperty("method").GetString());
            }
        });
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"tools/call","params":{"name":"a"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"method":"tools/call","params":{"name":"a"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"name":"a"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a","name":"b"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","method":"tools/call","params":{"name":"a"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a","_meta":{}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a","arguments":[]}}""")]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"tools/call","params":{"name":"a"}}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a"}}]""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a"}} {}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools\/call","params":{"name":"a"}}""")]
    public void Anything_but_the_plain_shape_is_left_to_the_SDK(string body)
    {
        var parsed = ToolCallRequest.TryParse(Encoding.UTF8.GetBytes(body), out _);
        // An escaped method is the same text once unescaped; either reading is the SDK's reading.
        if (!body.Contains("tools\\/call", StringComparison.Ordinal))
            Assert.False(parsed);
    }

    private static List<KeyValuePair<string, JsonNode?>> Permutation(List<KeyValuePair<string, JsonNode?>> items, int index)
    {
        var pool = items.ToList();
        var result = new List<KeyValuePair<string, JsonNode?>>();
        for (var n = pool.Count; n > 0; n--)
        {
            result.Add(pool[index % n]);
            pool.RemoveAt(index % n);
            index /= n;
        }
        return result;
    }
}
