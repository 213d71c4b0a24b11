using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Trajeckt.Gateway.Commitments;

namespace Trajeckt.Gateway.Tests;

/// <summary>The one spelling a pin hashes: JCS-like, exact numbers, and refusal of what two readers could read differently.</summary>
public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("""{ "b" : 1, "a" : [ true, null, false ] }""", """{"a":[true,null,false],"b":1}""")]
    [InlineData("""{"\u20ac":1,"\ud83d\ude00":2,"z":3,"A":4,"":5}""", "{\"\":5,\"A\":4,\"z\":3,\"€\":1,\"😀\":2}")]
    [InlineData("""["\u000f\u001f","\"\\\/","\b\f\n\r\t","é\u2028"]""", "[\"\\u000f\\u001f\",\"\\\"\\\\/\",\"\\b\\f\\n\\r\\t\",\"é\u2028\"]")]
    [InlineData("[1.0, 1e2, 100, 1E+2, 0.000001, 1e-7, 1e21, 123456789012345678901, -0, -0.0e5, 0.5, 5e-1, 12.340, 1.5e300]",
        "[1,100,100,100,0.000001,1e-7,1e+21,123456789012345678901,0,0,0.5,0.5,12.34,1.5e+300]")]
    [InlineData("9007199254740993", "9007199254740993")]
    public void Values_have_one_spelling(string json, string canonical)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(CanonicalJson.TryWrite(document.RootElement, out var written, out var error), error);
        Assert.Equal(canonical, written);
    }

    [Fact]
    public void Numbers_beyond_double_precision_stay_distinct()
    {
        // JCS would round both to 9007199254740992: a changed bound must never hash equal.
        Assert.NotEqual(Canonical("9007199254740993"), Canonical("9007199254740992"));
        Assert.NotEqual(Canonical("0.10000000000000000001"), Canonical("0.1"));
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""", "twice")]
    [InlineData("""{"x":{"type":"object","properties":{},"properties":{"cc":{}}}}""", "twice")]
    [InlineData("""["\ud800"]""", "lone surrogate")]
    [InlineData("""{"\udc00":1}""", "lone surrogate")]
    [InlineData("1e1000000", "exponent")]
    public void What_two_readers_could_read_differently_is_refused(string json, string reason)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(CanonicalJson.TryWrite(document.RootElement, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_form_over_the_limit_is_refused()
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(new string('x', CanonicalJson.MaxLength)));
        Assert.False(CanonicalJson.TryWrite(document.RootElement, out _, out var error));
        Assert.Contains("longer than", error);
    }

    [Fact]
    public void Respelling_a_value_does_not_change_its_canonical_form()
    {
        Gen.Select(Json, Gen.Int).Sample((node, seed) =>
        {
            var canonical = Canonical(node.ToJsonString());
            Assert.Equal(canonical, Canonical(Respell(node, new Random(seed))));
            Assert.Equal(canonical, Canonical(canonical));
        }, iter: 300);
    }

    [Fact]
    public void Changing_any_value_changes_the_canonical_form()
    {
        Gen.Select(Json, Gen.Int).Sample((node, seed) =>
        {
            var changed = node.DeepClone();
            if (!Mutate(changed, new Random(seed)))
                return;
            Assert.NotEqual(Canonical(node.ToJsonString()), Canonical(changed.ToJsonString()));
        }, iter: 300);
    }

    [Fact]
    public void Every_spelling_of_a_number_is_its_exact_value()
    {
        Gen.Select(Gen.Long[-1_000_000_000_000, 1_000_000_000_000], Gen.Int[-30, 30], Gen.Int[0, 5], Gen.Int).Sample((mantissa, exponent, pad, split) =>
        {
            var digits = BigInteger.Abs(mantissa).ToString(CultureInfo.InvariantCulture) + new string('0', pad);
            var sign = mantissa < 0 ? "-" : "";
            var plain = $"{sign}{digits}e{exponent - pad}";
            var at = (int)((uint)split % (uint)digits.Length) + 1;
            var pointed = $"{sign}{digits[..at]}.{(at == digits.Length ? "0" : digits[at..])}E{exponent - pad + digits.Length - at:+0;-0}";
            Assert.Equal(Canonical(plain), Canonical(pointed));
            var canonical = Canonical(plain);
            Assert.Equal(double.Parse(plain, CultureInfo.InvariantCulture), double.Parse(canonical, CultureInfo.InvariantCulture));
            // A different value is a different form.
            Assert.NotEqual(canonical, Canonical($"{sign}{digits}1e{exponent - pad - 1}"));
        }, iter: 500);
    }

    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(CanonicalJson.TryWrite(document.RootElement, out var canonical, out var error), error);
        return canonical;
    }

    private static readonly Gen<string> Strings = Gen.OneOf(Gen.String[Gen.Char[' ', '~'], 0, 6], Gen.Const("é😀\u2028\n\t\"\\"), Gen.String[Gen.Char['\u0000', '\u001f'], 1, 3]);

    private static readonly Gen<JsonNode?> Leaf = Gen.OneOf<JsonNode?>(
        Gen.Const((JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double[-1e6, 1e6].Select(d => (JsonNode?)JsonValue.Create(Math.Round(d, 3))),
        Strings.Select(s => (JsonNode?)JsonValue.Create(s)));

    private static readonly Gen<JsonNode> Json = Gen.Recursive<JsonNode?>((depth, self) => depth >= 3
        ? Leaf
        : Gen.OneOf(
            Leaf,
            self.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray())),
            Gen.Dictionary(Strings, self)[0, 4].Select(members => (JsonNode?)new JsonObject(members.Select(m => KeyValuePair.Create(m.Key, m.Value?.DeepClone())))))).Select(n => n ?? JsonValue.Create(0)!);

    /// <summary>The same value with members in another order and other whitespace.</summary>
    private static string Respell(JsonNode? node, Random random)
    {
        var space = new[] { "", " ", "\n", "\t ", "\r\n" }[random.Next(5)];
        switch (node)
        {
            case JsonObject obj:
                var members = obj.OrderBy(_ => random.Next()).Select(m => $"{space}{JsonSerializer.Serialize(m.Key)}{space}:{space}{Respell(m.Value, random)}");
                return "{" + string.Join(",", members) + space + "}";
            case JsonArray array:
                return "[" + space + string.Join("," + space, array.Select(i => Respell(i, random))) + "]";
            default:
                return node?.ToJsonString() ?? "null";
        }
    }

    /// <summary>Changes one leaf or member name; false when there is none.</summary>
    private static bool Mutate(JsonNode node, Random random)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                var member = obj.ElementAt(random.Next(obj.Count));
                if (member.Value is JsonObject or JsonArray && random.Next(2) == 0 && Mutate(member.Value, random))
                    return true;
                var value = member.Value?.DeepClone();
                obj.Remove(member.Key);
                var name = member.Key + "x";
                if (obj.ContainsKey(name))
                    return false;
                obj[name] = value;
                return true;
            case JsonArray array when array.Count > 0:
                var index = random.Next(array.Count);
                if (array[index] is JsonObject or JsonArray && Mutate(array[index]!, random))
                    return true;
                array[index] = JsonValue.Create(array[index]?.ToJsonString() + "!");
                return true;
            default:
                return false;
        }
    }
}
