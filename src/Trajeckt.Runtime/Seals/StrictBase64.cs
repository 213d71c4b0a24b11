using System.Security.Cryptography;

namespace Trajeckt.Sealing;

/// <summary>
/// Base64 accepted only in its canonical spelling (no whitespace, exact padding, zero spare bits), so
/// that every changed character of a key or seal file changes the decoded bytes or is refused.
/// </summary>
internal static class StrictBase64
{
    /// <summary>Decodes canonical base64; the caller owns (and may wipe) the returned bytes.</summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        var buffer = new byte[text.Length / 4 * 3];
        try
        {
            if (!Convert.TryFromBase64String(text, buffer, out var written)
                || !string.Equals(Convert.ToBase64String(buffer, 0, written), text, StringComparison.Ordinal))
                return false;
            bytes = buffer.AsSpan(0, written).ToArray();
            return true;
        }
        finally
        {
            // The buffer may hold private key material.
            CryptographicOperations.ZeroMemory(buffer);
        }
    }
}
