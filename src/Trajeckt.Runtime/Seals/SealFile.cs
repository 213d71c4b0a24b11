using System.Diagnostics.CodeAnalysis;
using System.Text;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Sealing;

/// <summary>
/// A seal file (<c>.seal</c>): one JSON object,
/// <c>{"version":1,"digest":"&lt;hex&gt;","keyId":"...","signature":"&lt;base64&gt;"}</c>.
/// The reader accepts exactly one byte spelling, the one <see cref="Format"/> writes (no byte order mark,
/// no whitespace, the fields in this order, one final line feed), so that every changed byte of a seal
/// file is refused or changes what is verified.
/// </summary>
public static class SealFile
{
    /// <summary>The conventional file extension, <c>.seal</c>.</summary>
    public const string Extension = ".seal";

    /// <summary>The seal file format version this library reads and writes.</summary>
    public const int FormatVersion = 1;

    private const string What = "a seal file";
    private static readonly string[] s_fields = ["version", "digest", "keyId", "signature"];

    /// <summary>Returns the bytes of the seal file of <paramref name="seal"/>: one line of JSON.</summary>
    /// <param name="seal">The seal.</param>
    public static byte[] Format(Seal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var json = $"{{\"version\":{FormatVersion},\"digest\":\"{seal.Digest}\",\"keyId\":\"{seal.KeyId}\",\"signature\":\"{Convert.ToBase64String(seal.Signature)}\"}}\n";
        return Encoding.UTF8.GetBytes(json);
    }

    /// <summary>Parses a seal file's bytes.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="seal">The seal, or <see langword="null"/>.</param>
    /// <param name="error">Why the file was refused, or <see langword="null"/>.</param>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out Seal? seal, [NotNullWhen(false)] out SealingFormatError? error)
    {
        seal = null;
        if (!StrictJsonObject.TryParse(utf8, What, s_fields, out var json, out error)
            || !json.TryGetInt32("version", out var version, out error))
            return false;
        if (version != FormatVersion)
        {
            error = json.ValueError("version", SealingFormatErrorKind.UnsupportedVersion, $"seal format version {version} is not supported; this library reads version {FormatVersion}");
            return false;
        }
        // The parse refused unknown fields; the getters refuse missing ones and wrong types.
        if (!json.TryGetString("digest", out var digestHex, out error)
            || !json.TryGetString("keyId", out var keyId, out error)
            || !json.TryGetString("signature", out var signatureBase64, out error))
            return false;
        // Only the spelling the writer uses: an upper-case digit would otherwise be a second spelling of one seal.
        if (!GraphDigest.TryParse(digestHex, out var digest) || digest.ToString() != digestHex)
        {
            error = json.ValueError("digest", SealingFormatErrorKind.InvalidValue, $"the digest must be {2 * GraphDigest.Length} lowercase hexadecimal digits");
            return false;
        }
        if (!KeyId.IsWellFormed(keyId))
        {
            error = json.ValueError("keyId", SealingFormatErrorKind.InvalidValue, $"the key id must be {KeyId.Length} lowercase hexadecimal digits");
            return false;
        }
        if (!StrictBase64.TryDecode(signatureBase64, out var signature) || signature.Length != Seal.SignatureLength)
        {
            error = json.ValueError("signature", SealingFormatErrorKind.InvalidValue, $"the signature must be the canonical base64 of {Seal.SignatureLength} bytes");
            return false;
        }
        var parsed = new Seal(digest, keyId, signature);
        if (!IsCanonicalSpelling(utf8, parsed, out error))
            return false;
        seal = parsed;
        return true;
    }

    // The values are all valid here; what remains is the spelling. A second spelling of one seal (a BOM,
    // spaces, CRLF, reordered fields) would let a seal file change without anything verified changing.
    private static bool IsCanonicalSpelling(ReadOnlySpan<byte> utf8, Seal seal, [NotNullWhen(false)] out SealingFormatError? error)
    {
        var canonical = Format(seal);
        if (utf8.SequenceEqual(canonical))
        {
            error = null;
            return true;
        }
        var offset = utf8.CommonPrefixLength(canonical);
        var before = utf8.Slice(0, offset);
        error = new SealingFormatError(
            SealingFormatErrorKind.NotCanonical,
            "a seal file has exactly one spelling, the one 'trajeckt seal' writes: one line, no spaces, no byte order mark, the fields version, digest, keyId, signature in that order, and one final line feed (\\n); this byte differs from it",
            before.Count((byte)'\n') + 1,
            offset - before.LastIndexOf((byte)'\n'));
        return false;
    }

    /// <summary>Reads and parses a seal file; errors name the file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="seal">The seal, or <see langword="null"/>.</param>
    /// <param name="error">Why the file was refused, or <see langword="null"/>.</param>
    public static bool TryRead(string path, [NotNullWhen(true)] out Seal? seal, [NotNullWhen(false)] out SealingFormatError? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        seal = null;
        if (!SealingFileIO.TryReadBounded(path, out var bytes, out error))
            return false;
        if (TryParse(bytes, out seal, out error))
            return true;
        error = error.InFile(path);
        return false;
    }

    /// <summary>Writes a seal file, replacing any file at <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="seal">The seal.</param>
    /// <exception cref="IOException">Writing failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public static void Write(string path, Seal seal)
    {
        ArgumentNullException.ThrowIfNull(path);
        SealingFileIO.WriteAtomically(path, Format(seal), overwrite: true, ownerOnly: false);
    }
}
