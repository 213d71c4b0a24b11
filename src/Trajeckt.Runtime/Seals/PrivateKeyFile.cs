using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Trajeckt.Sealing;

/// <summary>
/// An operator's private key file (<c>.key</c>): JSON with the format version, kind
/// <c>trajeckt-private-key</c>, algorithm <c>Ed25519</c>, key id, the base64 raw private key and the
/// development flag. It is written readable by its owner only.
/// </summary>
public static class PrivateKeyFile
{
    /// <summary>The conventional file extension, <c>.key</c>.</summary>
    public const string Extension = ".key";

    /// <summary>Parses a private key file's bytes.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="keyPair">The key pair (dispose it when done), or <see langword="null"/>.</param>
    /// <param name="error">Why the file was refused, or <see langword="null"/>.</param>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out OperatorKeyPair? keyPair, [NotNullWhen(false)] out SealingFormatError? error)
    {
        keyPair = null;
        if (!KeyFileFormat.TryParse(utf8, KeyFileFormat.PrivateKind, out var header, out error))
            return false;
        if (!StrictBase64.TryDecode(header.KeyBase64, out var raw))
        {
            error = header.Json.ValueError(header.KeyField, SealingFormatErrorKind.InvalidValue, "the private key is not canonical base64");
            return false;
        }
        try
        {
            if (!OperatorKeyPair.TryFromRaw(raw, header.IsDevelopment, out keyPair))
            {
                error = header.Json.ValueError(header.KeyField, SealingFormatErrorKind.InvalidValue, $"the private key must be {OperatorKeyPair.RawPrivateKeyLength} bytes, not {raw.Length}");
                return false;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
        if (keyPair.KeyId != header.KeyId)
        {
            error = header.Json.ValueError("keyId", SealingFormatErrorKind.InvalidValue, $"the key id {header.KeyId} does not match the private key, whose id is {keyPair.KeyId}");
            keyPair.Dispose();
            keyPair = null;
            return false;
        }
        return true;
    }

    /// <summary>Reads and parses a private key file; errors name the file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="keyPair">The key pair (dispose it when done), or <see langword="null"/>.</param>
    /// <param name="error">Why the file was refused, or <see langword="null"/>.</param>
    public static bool TryRead(string path, [NotNullWhen(true)] out OperatorKeyPair? keyPair, [NotNullWhen(false)] out SealingFormatError? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        keyPair = null;
        if (!SealingFileIO.TryReadBounded(path, out var bytes, out error))
            return false;
        try
        {
            if (TryParse(bytes, out keyPair, out error))
                return true;
            error = error.InFile(path);
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Writes the key pair's private key file, created with Unix mode 0600 (owner read and write only)
    /// so it is never readable by others, not even briefly.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="keyPair">The key pair.</param>
    /// <param name="overwrite">Whether to replace an existing file.</param>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false, or writing failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public static void Write(string path, OperatorKeyPair keyPair, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(keyPair);
        var bytes = Format(keyPair);
        try
        {
            SealingFileIO.WriteAtomically(path, bytes, overwrite, ownerOnly: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The file's bytes; the caller must wipe them.</summary>
    internal static byte[] Format(OperatorKeyPair keyPair)
    {
        var raw = keyPair.ExportRawPrivateKey();
        try
        {
            return KeyFileFormat.Format(KeyFileFormat.PrivateKind, keyPair.KeyId, raw, keyPair.IsDevelopment);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }
}
