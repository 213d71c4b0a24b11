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

    [Fact]
    public void Whitespace_and_a_byte_order_mark_are_accepted()
    {
        using var key = OperatorKeyPair.Generate();
        var text = Encoding.UTF8.GetString(SealFile.Format(Sealer.Sign(SealFixtures.Encoding(), key)));
        var spaced = "\uFEFF{\r\n  " + text[1..].Replace(",", ",\n  ").Replace(":", ": ");
        Assert.True(SealFile.TryParse(Encoding.UTF8.GetBytes(spaced), out _, out var error), error?.ToString());
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
