using System.Text;
using Trajeckt.Sealing;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Runtime.Tests.Seals;

public sealed class SealFileTests
{
    [Fact]
    public void A_seal_file_round_trips_and_has_the_documented_shape()
    {
        using var key = OperatorKeyPair.Generate();
        var encoding = SealFixtures.Encoding();
        var seal = Sealer.Sign(encoding, key);
        var bytes = SealFile.Format(seal);

        var expected = $"{{\"version\":1,\"digest\":\"{GraphDigest.Compute(encoding)}\",\"keyId\":\"{key.KeyId}\",\"signature\":\"{Convert.ToBase64String(seal.GetSignature())}\"}}\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
        Assert.True(SealFile.TryParse(bytes, out var parsed, out var error), error?.ToString());
        Assert.Equal(seal.Digest, parsed.Digest);
        Assert.Equal(seal.KeyId, parsed.KeyId);
        Assert.Equal(seal.GetSignature(), parsed.GetSignature());
    }

    [Theory]
    [InlineData("bom")]
    [InlineData("spaces")]
    [InlineData("pretty")]
    [InlineData("crlf")]
    [InlineData("no final newline")]
    [InlineData("reordered")]
    public void Another_spelling_of_a_valid_seal_is_refused_where_it_differs(string variant)
    {
        using var key = OperatorKeyPair.Generate();
        var seal = Sealer.Sign(SealFixtures.Encoding(), key);
        var text = Encoding.UTF8.GetString(SealFile.Format(seal));
        var signature = Convert.ToBase64String(seal.GetSignature());
        var spelled = variant switch
        {
            "bom" => "\uFEFF" + text,
            "spaces" => text.Replace(",", ", "),
            "pretty" => "{\n  " + text[1..^2].Replace(",", ",\n  ").Replace(":", ": ") + "\n}\n",
            "crlf" => text.Replace("\n", "\r\n"),
            "no final newline" => text[..^1],
            _ => $"{{\"version\":1,\"keyId\":\"{key.KeyId}\",\"digest\":\"{seal.Digest}\",\"signature\":\"{signature}\"}}\n",
        };
        var bytes = Encoding.UTF8.GetBytes(spelled);
        var differsAt = bytes.AsSpan().CommonPrefixLength(SealFile.Format(seal));

        Assert.False(SealFile.TryParse(bytes, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Equal(SealingFormatErrorKind.NotCanonical, error.Kind);
        Assert.Contains("exactly one spelling", error.Message);
        var lineStart = bytes.AsSpan(0, differsAt).LastIndexOf((byte)'\n') + 1;
        Assert.Equal((bytes.AsSpan(0, differsAt).Count((byte)'\n') + 1, differsAt - lineStart + 1), (error.Line, error.Column));
    }

    [Fact]
    public void Every_byte_substitution_in_a_seal_file_is_refused()
    {
        // docs/sealing.md: one spelling, so no changed byte of a seal file loads (256 values x ~190 bytes).
        using var key = OperatorKeyPair.Generate();
        var encoding = SealFixtures.Encoding();
        var store = SealFixtures.Trusting(key);
        var file = SealFile.Format(Sealer.Sign(encoding, key));
        Assert.True(CommitmentLoader.Load(encoding, file, store).Succeeded);
        for (var position = 0; position < file.Length; position++)
        {
            for (var value = 0; value < 256; value++)
            {
                if (value == file[position])
                    continue;
                var changed = (byte[])file.Clone();
                changed[position] = (byte)value;
                var result = CommitmentLoader.Load(encoding, changed, store);
                Assert.True(result.FailureReason == DecisionReason.SealInvalid, $"byte {position} ('{(char)file[position]}') set to 0x{value:x2}: {result.FailureMessage ?? "loaded"}");
            }
        }
    }

    [Theory]
    [InlineData("{\"version\":1,\"digest\":\"D\",\"keyId\":\"K\",\"signature\":\"S\",\"note\":\"x\"}", SealingFormatErrorKind.UnknownField, "(1,")]
    [InlineData("{\"version\":2,\"digest\":\"D\",\"keyId\":\"K\",\"signature\":\"S\"}", SealingFormatErrorKind.UnsupportedVersion, "(1,12): seal format version 2 is not supported")]
    [InlineData("{\"version\":1.0,\"digest\":\"D\",\"keyId\":\"K\",\"signature\":\"S\"}", SealingFormatErrorKind.WrongType, "(1,12)")]
    [InlineData("{\"version\":1,\"digest\":\"D\",\"keyId\":\"K\"}", SealingFormatErrorKind.MissingField, "needs the field 'signature'")]
    [InlineData("{\"version\":1,\"digest\":\"d\",\"keyId\":\"K\",\"signature\":\"S\"}", SealingFormatErrorKind.InvalidValue, "the digest must be 64 lowercase hexadecimal digits")]
    [InlineData("{\"version\":1,\"digest\":\"D\",\"keyId\":\"k\",\"signature\":\"S\"}", SealingFormatErrorKind.InvalidValue, "the key id must be 16")]
    [InlineData("{\"version\":1,\"digest\":\"D\",\"keyId\":\"K\",\"signature\":\"AAAA\"}", SealingFormatErrorKind.InvalidValue, "canonical base64 of 64 bytes")]
    [InlineData("{\"version\":1,\"digest\":\"D\",\"keyId\":\"K\",\"signature\":\"S\"} {}", SealingFormatErrorKind.Syntax, "(1,")]
    [InlineData("{\"version\":1,\"digest\":\"D\",\"keyId\":\"K\",\"signature\":\"S\",}", SealingFormatErrorKind.Syntax, "(1,")]
    [InlineData("{\"version\":1,\n\"digest\":\"D\",\n\"keyId\":\"K\",\n\"signature\":\"S\" // note\n}", SealingFormatErrorKind.Syntax, "(4,")]
    [InlineData("{\"version\":1,\"digest\":\"D\",\"keyId\":\"K\",\"signature\":[]}", SealingFormatErrorKind.WrongType, "(1,")]
    [InlineData("null", SealingFormatErrorKind.Syntax, "(1,1)")]
    public void Malformed_seal_files_are_refused_with_a_typed_error(string template, SealingFormatErrorKind kind, string messagePart)
    {
        using var key = OperatorKeyPair.Generate();
        var seal = Sealer.Sign(SealFixtures.Encoding(), key);
        var json = template
            .Replace("\"D\"", $"\"{seal.Digest}\"")
            .Replace("\"d\"", $"\"{seal.Digest.ToString().ToUpperInvariant()}\"")
            .Replace("\"K\"", $"\"{key.KeyId}\"")
            .Replace("\"k\"", $"\"{key.KeyId[..15]}\"")
            .Replace("\"S\"", $"\"{Convert.ToBase64String(seal.GetSignature())}\"");
        Assert.False(SealFile.TryParse(Encoding.UTF8.GetBytes(json), out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(messagePart, error.ToString());
    }

    [Fact]
    public void Errors_from_a_file_name_the_file_and_position()
    {
        using var folder = new TempFolder();
        var path = folder.File("graph.seal");
        File.WriteAllText(path, "{\n  \"version\": 1,\n  \"digest\": 7\n}");
        Assert.False(SealFile.TryRead(path, out _, out var error));
        Assert.Equal($"{path}(3,13): the field 'digest' of a seal file must be a string", error.ToString());
    }

    [Fact]
    public void A_seal_refuses_a_malformed_key_id_or_signature()
    {
        var digest = GraphDigest.Compute([1]);
        Assert.Throws<ArgumentException>(() => new Seal(digest, "ABCDEF0123456789", new byte[64]));
        Assert.Throws<ArgumentException>(() => new Seal(digest, "abcdef0123456789", new byte[63]));
    }
}
