using System.Security.Cryptography;

namespace Trajeckt.Sealing;

/// <summary>
/// The key id of an operator key: the first 16 lowercase hexadecimal digits (8 bytes) of the SHA-256 of
/// the raw 32-byte public key. Short enough to read aloud, stable, and reproducible with standard tools.
/// </summary>
internal static class KeyId
{
    /// <summary>The number of characters of a key id.</summary>
    public const int Length = 16;

    public static string Compute(ReadOnlySpan<byte> rawPublicKey)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(rawPublicKey, hash);
        return Convert.ToHexStringLower(hash.Slice(0, Length / 2));
    }

    /// <summary>Whether <paramref name="text"/> is spelled as <see cref="Compute"/> spells key ids.</summary>
    public static bool IsWellFormed(string text)
    {
        if (text.Length != Length)
            return false;
        foreach (var c in text)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
                return false;
        }
        return true;
    }
}
