using System.Diagnostics.CodeAnalysis;

namespace Trajeckt.Sealing;

/// <summary>
/// An operator's public key file (<c>.pub</c>): JSON with the format version, kind
/// <c>trajeckt-public-key</c>, algorithm <c>Ed25519</c>, key id, the base64 raw public key and the
/// development flag. A trust store is built from these.
/// </summary>
public static class PublicKeyFile
{
    /// <summary>The conventional file extension, <c>.pub</c>.</summary>
    public const string Extension = ".pub";

    /// <summary>Parses a public key file's bytes.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="key">The key, or <see langword="null"/>.</param>
    /// <param name="error">Why the file was refused, or <see langword="null"/>.</param>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out OperatorPublicKey? key, [NotNullWhen(false)] out SealingFormatError? error)
    {
        key = null;
        if (!KeyFileFormat.TryParse(utf8, KeyFileFormat.PublicKind, out var header, out error))
            return false;
        if (!StrictBase64.TryDecode(header.KeyBase64, out var raw) || !OperatorPublicKey.TryFromRaw(raw, header.IsDevelopment, out key))
        {
            error = header.Json.ValueError(header.KeyField, SealingFormatErrorKind.InvalidValue, $"the public key must be the canonical base64 of a {OperatorPublicKey.RawLength}-byte Ed25519 public key");
            return false;
        }
        if (key.KeyId != header.KeyId)
        {
            error = header.Json.ValueError("keyId", SealingFormatErrorKind.InvalidValue, $"the key id {header.KeyId} does not match the public key, whose id is {key.KeyId}");
            key = null;
            return false;
        }
        return true;
    }

    /// <summary>Reads and parses a public key file; errors name the file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="key">The key, or <see langword="null"/>.</param>
    /// <param name="error">Why the file was refused, or <see langword="null"/>.</param>
    public static bool TryRead(string path, [NotNullWhen(true)] out OperatorPublicKey? key, [NotNullWhen(false)] out SealingFormatError? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        key = null;
        if (!SealingFileIO.TryReadBounded(path, out var bytes, out error))
            return false;
        if (TryParse(bytes, out key, out error))
            return true;
        error = error.InFile(path);
        return false;
    }

    /// <summary>Writes a public key file.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="key">The public key.</param>
    /// <param name="overwrite">Whether to replace an existing file.</param>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false, or writing failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public static void Write(string path, OperatorPublicKey key, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(key);
        SealingFileIO.WriteAtomically(path, Format(key), overwrite, ownerOnly: false);
    }

    /// <summary>Returns the bytes of the public key file of <paramref name="key"/>.</summary>
    /// <param name="key">The public key.</param>
    public static byte[] Format(OperatorPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return KeyFileFormat.Format(KeyFileFormat.PublicKind, key.KeyId, key.ExportRaw(), key.IsDevelopment);
    }
}
