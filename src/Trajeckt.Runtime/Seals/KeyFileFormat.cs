using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Trajeckt.Sealing;

/// <summary>
/// The JSON layout shared by private and public key files: format version, kind, algorithm, key id,
/// the base64 key, and the development flag. The kind is checked first so that a public key given where
/// a private key is needed (or the reverse) is reported as exactly that.
/// </summary>
internal static class KeyFileFormat
{
    public const int Version = 1;
    public const string Algorithm = "Ed25519";
    public const string PrivateKind = "trajeckt-private-key";
    public const string PublicKind = "trajeckt-public-key";
    public const string PrivateKeyField = "privateKey";
    public const string PublicKeyField = "publicKey";

    private static readonly string[] s_anyKeyFields = ["version", "kind", "algorithm", "keyId", PrivateKeyField, PublicKeyField, "development"];
    private static readonly string[] s_privateFields = ["version", "kind", "algorithm", "keyId", PrivateKeyField, "development"];
    private static readonly string[] s_publicFields = ["version", "kind", "algorithm", "keyId", PublicKeyField, "development"];

    /// <summary>
    /// Parses a key file of kind <paramref name="kind"/> up to its key: everything checked but the key
    /// bytes themselves and whether the key id matches them.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, string kind, out Header header, [NotNullWhen(false)] out SealingFormatError? error)
    {
        header = default;
        var isPrivate = kind == PrivateKind;
        var what = isPrivate ? "a private key file" : "a public key file";
        if (!StrictJsonObject.TryParse(utf8, what, s_anyKeyFields, out var json, out error))
            return false;
        if (!json.TryGetInt32("version", out var version, out error))
            return false;
        if (version != Version)
        {
            error = json.ValueError("version", SealingFormatErrorKind.UnsupportedVersion, $"key file format version {version} is not supported; this library reads version {Version}");
            return false;
        }
        if (!json.TryGetString("kind", out var actualKind, out error))
            return false;
        if (actualKind != kind)
        {
            error = json.ValueError("kind", SealingFormatErrorKind.WrongKind, WrongKindMessage(actualKind, isPrivate));
            return false;
        }
        if (!json.TryRejectFieldsOtherThan(isPrivate ? s_privateFields : s_publicFields, out error)
            || !json.TryGetString("algorithm", out var algorithm, out error)
            || !json.TryGetString("keyId", out var keyId, out error)
            || !json.TryGetBoolean("development", out var isDevelopment, out error))
            return false;
        if (algorithm != Algorithm)
        {
            error = json.ValueError("algorithm", SealingFormatErrorKind.UnsupportedAlgorithm, $"the algorithm '{algorithm}' is not supported; keys are {Algorithm}");
            return false;
        }
        if (!KeyId.IsWellFormed(keyId))
        {
            error = json.ValueError("keyId", SealingFormatErrorKind.InvalidValue, $"the key id must be {KeyId.Length} lowercase hexadecimal digits");
            return false;
        }
        var keyField = isPrivate ? PrivateKeyField : PublicKeyField;
        if (!json.TryGetString(keyField, out var keyBase64, out error))
            return false;
        header = new Header(json, keyField, keyId, isDevelopment, keyBase64);
        return true;
    }

    /// <summary>Writes a key file; the caller wipes the returned bytes when they hold a private key.</summary>
    public static byte[] Format(string kind, string keyId, ReadOnlySpan<byte> rawKey, bool isDevelopment)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteString("kind", kind);
            writer.WriteString("algorithm", Algorithm);
            writer.WriteString("keyId", keyId);
            writer.WriteBase64String(kind == PrivateKind ? PrivateKeyField : PublicKeyField, rawKey);
            writer.WriteBoolean("development", isDevelopment);
            writer.WriteEndObject();
        }
        var bytes = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        // The writer's buffer held the base64 of the key too.
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsMemory(buffer.WrittenMemory).Span);
        return bytes;
    }

    private static string WrongKindMessage(string actualKind, bool privateExpected) => actualKind switch
    {
        PublicKind when privateExpected => "this is a public key file; signing needs the private key file (.key)",
        PrivateKind => "this is a private key file; trust its public key file (.pub) instead, and keep the private key secret",
        _ => $"the kind '{actualKind}' is not '{(privateExpected ? PrivateKind : PublicKind)}'",
    };

    /// <summary>A key file's fields, checked, with the key still in base64.</summary>
    public readonly record struct Header(StrictJsonObject Json, string KeyField, string KeyId, bool IsDevelopment, string KeyBase64);
}
