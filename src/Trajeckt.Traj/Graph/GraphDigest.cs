using System.Security.Cryptography;

namespace Trajeckt.Traj.Graph;

/// <summary>
/// The identity of a <see cref="CompiledGraph"/>: the SHA-256 of its canonical encoding
/// (docs/semantics.md). Equivalent policies have equal digests; a seal signs the digest.
/// </summary>
public readonly struct GraphDigest : IEquatable<GraphDigest>
{
    /// <summary>The length of a digest in bytes.</summary>
    public const int Length = 32;

    // Four big-endian words keep the struct immutable and copyable without an array to defend.
    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    private GraphDigest(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>Computes the digest of a graph encoding (the bytes <see cref="GraphEncoder.Encode"/> returns).</summary>
    /// <param name="encoding">The canonical encoding.</param>
    /// <exception cref="ArgumentNullException"><paramref name="encoding"/> is <see langword="null"/>.</exception>
    public static GraphDigest Compute(byte[] encoding)
    {
        if (encoding is null)
            throw new ArgumentNullException(nameof(encoding));
        using var sha = SHA256.Create();
        return FromBytes(sha.ComputeHash(encoding));
    }

    /// <summary>Creates a digest from its 32 bytes.</summary>
    /// <param name="bytes">Exactly <see cref="Length"/> bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long.</exception>
    public static GraphDigest FromBytes(byte[] bytes)
    {
        if (bytes is null)
            throw new ArgumentNullException(nameof(bytes));
        if (bytes.Length != Length)
            throw new ArgumentException($"A graph digest is {Length} bytes, not {bytes.Length}.", nameof(bytes));
        return new GraphDigest(ReadWord(bytes, 0), ReadWord(bytes, 8), ReadWord(bytes, 16), ReadWord(bytes, 24));
    }

    /// <summary>Parses 64 hexadecimal digits (either case), as <see cref="ToString"/> writes them.</summary>
    /// <param name="hex">The text to parse.</param>
    /// <param name="digest">The digest, or the default value when parsing fails.</param>
    /// <returns>Whether <paramref name="hex"/> is exactly 64 hexadecimal digits.</returns>
    public static bool TryParse(string? hex, out GraphDigest digest)
    {
        digest = default;
        if (hex is null || hex.Length != Length * 2)
            return false;
        var bytes = new byte[Length];
        for (var i = 0; i < Length; i++)
        {
            var high = HexValue(hex[2 * i]);
            var low = HexValue(hex[2 * i + 1]);
            if (high < 0 || low < 0)
                return false;
            bytes[i] = (byte)((high << 4) | low);
        }
        digest = FromBytes(bytes);
        return true;
    }

    /// <summary>Returns the 32 digest bytes in a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteWord(bytes, 0, _w0);
        WriteWord(bytes, 8, _w1);
        WriteWord(bytes, 16, _w2);
        WriteWord(bytes, 24, _w3);
        return bytes;
    }

    /// <summary>Returns the digest as 64 lowercase hexadecimal digits.</summary>
    public override string ToString()
    {
        const string digits = "0123456789abcdef";
        var bytes = ToArray();
        var chars = new char[Length * 2];
        for (var i = 0; i < Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[2 * i + 1] = digits[bytes[i] & 0xF];
        }
        return new string(chars);
    }

    /// <inheritdoc/>
    public bool Equals(GraphDigest other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GraphDigest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _w0.GetHashCode();

    /// <summary>Whether two digests are equal.</summary>
    public static bool operator ==(GraphDigest left, GraphDigest right) => left.Equals(right);

    /// <summary>Whether two digests differ.</summary>
    public static bool operator !=(GraphDigest left, GraphDigest right) => !left.Equals(right);

    private static ulong ReadWord(byte[] bytes, int offset)
    {
        ulong word = 0;
        for (var i = 0; i < 8; i++)
            word = (word << 8) | bytes[offset + i];
        return word;
    }

    private static void WriteWord(byte[] bytes, int offset, ulong word)
    {
        for (var i = 7; i >= 0; i--)
        {
            bytes[offset + i] = (byte)word;
            word >>= 8;
        }
    }

    private static int HexValue(char c) =>
        c >= '0' && c <= '9' ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10
        : c >= 'A' && c <= 'F' ? c - 'A' + 10
        : -1;
}
