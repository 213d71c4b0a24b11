using System.Text;
using CsCheck;
using Trajeckt.Sealing;

namespace Trajeckt.Runtime.Tests.Seals;

public sealed class KeyFileTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Private_and_public_key_files_round_trip(bool development)
    {
        using var folder = new TempFolder();
        using var key = OperatorKeyPair.Generate(development);
        PrivateKeyFile.Write(folder.File("op.key"), key);
        PublicKeyFile.Write(folder.File("op.pub"), key.PublicKey);

        Assert.True(PrivateKeyFile.TryRead(folder.File("op.key"), out var readKey, out var keyError), keyError?.ToString());
        using (readKey)
        {
            Assert.Equal(key.PublicKey, readKey.PublicKey);
            Assert.Equal(development, readKey.IsDevelopment);
        }
        Assert.True(PublicKeyFile.TryRead(folder.File("op.pub"), out var readPublic, out var pubError), pubError?.ToString());
        Assert.Equal(key.PublicKey, readPublic);
    }

    [Fact]
    public void A_key_read_back_signs_seals_the_original_public_key_verifies()
    {
        using var folder = new TempFolder();
        using var key = OperatorKeyPair.Generate();
        PrivateKeyFile.Write(folder.File("op.key"), key);
        Assert.True(PrivateKeyFile.TryRead(folder.File("op.key"), out var readKey, out _));
        var encoding = SealFixtures.Encoding();
        using (readKey)
        {
            var seal = Sealer.Sign(encoding, readKey);
            Assert.True(SealVerifier.Verify(encoding, seal, SealFixtures.Trusting(key)).IsValid);
        }
    }

    [Fact]
    public void The_public_key_file_has_the_documented_fields_and_no_private_key()
    {
        using var key = OperatorKeyPair.Generate();
        var text = Encoding.UTF8.GetString(PublicKeyFile.Format(key.PublicKey));
        using var json = System.Text.Json.JsonDocument.Parse(text);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["version", "kind", "algorithm", "keyId", "publicKey", "development"], names);
        Assert.Equal("Ed25519", json.RootElement.GetProperty("algorithm").GetString());
        Assert.Equal(key.KeyId, json.RootElement.GetProperty("keyId").GetString());
    }

    [Fact]
    public void The_key_id_is_the_first_16_hex_digits_of_the_sha256_of_the_public_key()
    {
        using var key = OperatorKeyPair.Generate();
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(key.PublicKey.ExportRaw()))[..16];
        Assert.Equal(expected, key.KeyId);
    }

    [Fact]
    public void The_private_key_file_is_created_owner_only()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var folder = new TempFolder();
        using var key = OperatorKeyPair.Generate();
        PrivateKeyFile.Write(folder.File("op.key"), key);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.File("op.key")));
        Assert.Equal(["op.key"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Overwriting_a_world_readable_file_with_a_private_key_leaves_it_owner_only()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var folder = new TempFolder();
        var path = folder.File("op.key");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        using var key = OperatorKeyPair.Generate();
        PrivateKeyFile.Write(path, key, overwrite: true);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Writing_refuses_to_overwrite_an_existing_key_unless_asked()
    {
        using var folder = new TempFolder();
        using var first = OperatorKeyPair.Generate();
        using var second = OperatorKeyPair.Generate();
        PrivateKeyFile.Write(folder.File("op.key"), first);
        Assert.Throws<IOException>(() => PrivateKeyFile.Write(folder.File("op.key"), second));
        Assert.True(PrivateKeyFile.TryRead(folder.File("op.key"), out var kept, out _));
        using (kept)
            Assert.Equal(first.KeyId, kept.KeyId);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Theory]
    [InlineData("", SealingFormatErrorKind.Syntax, "empty")]
    [InlineData("[]", SealingFormatErrorKind.Syntax, "(1,1): a public key file must be a JSON object")]
    [InlineData("{\"version\":1,", SealingFormatErrorKind.Syntax, "(1,13): a public key file must be a JSON object: Expected start of a property name")]
    [InlineData("{\"version\":2,\"kind\":\"trajeckt-public-key\"}", SealingFormatErrorKind.UnsupportedVersion, "(1,12): key file format version 2")]
    [InlineData("{\"version\":\"1\"}", SealingFormatErrorKind.WrongType, "'version' of a public key file must be an integer")]
    [InlineData("{\"version\":1,\"kind\":\"trajeckt-private-key\"}", SealingFormatErrorKind.WrongKind, "this is a private key file")]
    [InlineData("{\"version\":1,\"kind\":\"trajeckt-public-key\",\"colour\":1}", SealingFormatErrorKind.UnknownField, "(1,43): unknown field 'colour'")]
    [InlineData("{\"version\":1,\"version\":1}", SealingFormatErrorKind.DuplicateField, "(1,14): the field 'version' appears twice")]
    [InlineData("{\"version\":1,\"kind\":\"trajeckt-public-key\"}", SealingFormatErrorKind.MissingField, "needs the field 'algorithm'")]
    public void Malformed_public_key_files_are_refused_with_a_positioned_message(string json, SealingFormatErrorKind kind, string messagePart)
    {
        Assert.False(PublicKeyFile.TryParse(Encoding.UTF8.GetBytes(json), out var key, out var error));
        Assert.Null(key);
        Assert.Equal(kind, error.Kind);
        Assert.True(error.ToString().Contains(messagePart, StringComparison.Ordinal), error.ToString());
    }

    [Theory]
    [InlineData("\"algorithm\":\"Ed25519\"", "\"algorithm\":\"Ed448\"", SealingFormatErrorKind.UnsupportedAlgorithm)]
    [InlineData("\"development\":false", "\"development\":0", SealingFormatErrorKind.WrongType)]
    [InlineData("\"development\":false", "\"development\":null", SealingFormatErrorKind.WrongType)]
    [InlineData("\"keyId\":\"", "\"keyId\":\"0", SealingFormatErrorKind.InvalidValue)]
    [InlineData("\"publicKey\":\"", "\"publicKey\":\"AAAA", SealingFormatErrorKind.InvalidValue)]
    [InlineData("\"publicKey\":\"", "\"publicKey\":\" ", SealingFormatErrorKind.InvalidValue)]
    [InlineData("\"publicKey\":\"", "\"publicKey\":{\"x\":\"", SealingFormatErrorKind.WrongType)]
    [InlineData("\"kind\":\"trajeckt-public-key\"", "\"kind\":\"trajeckt-public-key\",\"privateKey\":\"\"", SealingFormatErrorKind.UnknownField)]
    [InlineData("\"kind\":\"trajeckt-public-key\"", "\"kind\":\"trajeckt-publ\\u0069c-key\"", SealingFormatErrorKind.InvalidValue)]
    public void Edited_public_key_files_are_refused(string find, string replace, SealingFormatErrorKind kind)
    {
        using var key = OperatorKeyPair.Generate();
        var text = Encoding.UTF8.GetString(PublicKeyFile.Format(key.PublicKey)).Replace(" ", "").Replace("\n", "");
        Assert.Contains(find, text);
        var edited = text.Replace(find, replace);
        Assert.False(PublicKeyFile.TryParse(Encoding.UTF8.GetBytes(edited), out _, out var error));
        Assert.Equal(kind, error.Kind);
    }

    [Fact]
    public void Flipping_any_bit_of_a_key_file_is_refused()
    {
        using var key = OperatorKeyPair.Generate();
        var publicFile = PublicKeyFile.Format(key.PublicKey);
        for (var bit = 0; bit < publicFile.Length * 8; bit++)
            Assert.False(PublicKeyFile.TryParse(SealFixtures.Flip(publicFile, bit), out _, out _), $"public key file, bit {bit}");
        var privateFile = PrivateKeyFile.Format(key);
        for (var bit = 0; bit < privateFile.Length * 8; bit++)
            Assert.False(PrivateKeyFile.TryParse(SealFixtures.Flip(privateFile, bit), out _, out _), $"private key file, bit {bit}");
    }

    [Fact]
    public void A_byte_substitution_in_a_key_file_is_refused_unless_it_swaps_whitespace_for_whitespace()
    {
        // docs/sealing.md: a key file may be spelled with any JSON whitespace (keygen writes the platform's
        // line ending), and nothing else of it may change: every other substitution is refused, and an
        // accepted one reads the same key.
        using var key = OperatorKeyPair.Generate();
        var publicFile = PublicKeyFile.Format(key.PublicKey);
        EverySubstitution(publicFile, bytes => PublicKeyFile.TryParse(bytes, out var parsed, out _)
            ? parsed.Equals(key.PublicKey) && !parsed.IsDevelopment
            : (bool?)null);
        var privateFile = PrivateKeyFile.Format(key);
        EverySubstitution(privateFile, bytes =>
        {
            if (!PrivateKeyFile.TryParse(bytes, out var parsed, out _))
                return null;
            using (parsed)
                return parsed.PublicKey.Equals(key.PublicKey) && !parsed.IsDevelopment;
        });
    }

    // sameKey: null when refused, else whether the key read is the original one.
    private static void EverySubstitution(byte[] file, Func<byte[], bool?> sameKey)
    {
        static bool IsJsonWhitespace(int b) => b is ' ' or '\t' or '\n' or '\r';
        var insideString = false;
        for (var position = 0; position < file.Length; position++)
        {
            var whitespaceHere = !insideString && IsJsonWhitespace(file[position]);
            if (file[position] == '"')
                insideString = !insideString;
            for (var value = 0; value < 256; value++)
            {
                if (value == file[position])
                    continue;
                var changed = (byte[])file.Clone();
                changed[position] = (byte)value;
                var outcome = sameKey(changed);
                var what = $"byte {position} ('{(char)file[position]}') set to 0x{value:x2}";
                if (whitespaceHere && IsJsonWhitespace(value))
                    Assert.True(outcome == true, $"{what}: {(outcome is null ? "refused" : "read another key")}");
                else
                    Assert.True(outcome is null, $"{what}: accepted");
            }
        }
    }

    [Fact]
    public void Private_key_files_round_trip_for_any_key()
    {
        Gen.Byte.Array[OperatorKeyPair.RawPrivateKeyLength].Select(Gen.Bool).Sample((seed, development) =>
        {
            Assert.True(OperatorKeyPair.TryFromRaw(seed, development, out var key));
            using (key)
            {
                Assert.True(PrivateKeyFile.TryParse(PrivateKeyFile.Format(key), out var read, out var error), error?.ToString());
                using (read)
                    return read.PublicKey.Equals(key.PublicKey) && read.ExportRawPrivateKey().AsSpan().SequenceEqual(seed);
            }
        }, iter: 100);
    }

    [Fact]
    public void A_key_id_that_does_not_match_the_key_is_refused()
    {
        using var key = OperatorKeyPair.Generate();
        using var other = OperatorKeyPair.Generate();
        var text = Encoding.UTF8.GetString(PublicKeyFile.Format(key.PublicKey)).Replace(key.KeyId, other.KeyId);
        Assert.False(PublicKeyFile.TryParse(Encoding.UTF8.GetBytes(text), out _, out var error));
        Assert.Equal(SealingFormatErrorKind.InvalidValue, error.Kind);
        Assert.Contains("does not match the public key", error.Message);
    }

    [Fact]
    public void A_public_key_file_given_as_the_private_key_is_named_as_such()
    {
        using var folder = new TempFolder();
        using var key = OperatorKeyPair.Generate();
        PublicKeyFile.Write(folder.File("op.pub"), key.PublicKey);
        Assert.False(PrivateKeyFile.TryRead(folder.File("op.pub"), out _, out var error));
        Assert.Equal(SealingFormatErrorKind.WrongKind, error.Kind);
        Assert.StartsWith(folder.File("op.pub") + "(3,", error.ToString());
        Assert.Contains("this is a public key file", error.ToString());
    }

    [Fact]
    public void A_private_key_of_the_wrong_length_is_refused()
    {
        using var key = OperatorKeyPair.Generate();
        var text = Encoding.UTF8.GetString(PrivateKeyFile.Format(key));
        var start = text.IndexOf("\"privateKey\": \"", StringComparison.Ordinal) + "\"privateKey\": \"".Length;
        var end = text.IndexOf('"', start);
        var edited = text[..start] + Convert.ToBase64String(new byte[31]) + text[end..];
        Assert.False(PrivateKeyFile.TryParse(Encoding.UTF8.GetBytes(edited), out _, out var error));
        Assert.Equal(SealingFormatErrorKind.InvalidValue, error.Kind);
        Assert.Contains("32 bytes, not 31", error.Message);
    }

    [Fact]
    public void A_missing_file_is_unreadable_and_named()
    {
        using var folder = new TempFolder();
        Assert.False(PublicKeyFile.TryRead(folder.File("absent.pub"), out _, out var error));
        Assert.Equal(SealingFormatErrorKind.Unreadable, error.Kind);
        Assert.Equal(folder.File("absent.pub") + ": the file does not exist", error.ToString());
    }

    [Fact]
    public void A_huge_file_is_refused_before_it_is_parsed()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("big.pub"), new byte[1024 * 1024]);
        Assert.False(PublicKeyFile.TryRead(folder.File("big.pub"), out _, out var error));
        Assert.Equal(SealingFormatErrorKind.Unreadable, error.Kind);
    }

    [Fact]
    public void Public_keys_parse_from_their_text_form()
    {
        using var production = OperatorKeyPair.Generate();
        using var development = OperatorKeyPair.Generate(isDevelopment: true);
        Assert.StartsWith("ed25519:", production.PublicKey.ToString());
        Assert.StartsWith("ed25519-dev:", development.PublicKey.ToString());
        Assert.True(OperatorPublicKey.TryParse(production.PublicKey.ToString(), out var parsed, out _));
        Assert.Equal(production.PublicKey, parsed);
        Assert.True(OperatorPublicKey.TryParse(development.PublicKey.ToString(), out var parsedDev, out _));
        Assert.Equal(development.PublicKey, parsedDev);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ed25519:")]
    [InlineData("ed25519:AAAA")]
    [InlineData("ED25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("ed25519: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=")]
    public void Malformed_public_key_text_is_refused(string? text)
    {
        Assert.False(OperatorPublicKey.TryParse(text, out var key, out var error));
        Assert.Null(key);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
