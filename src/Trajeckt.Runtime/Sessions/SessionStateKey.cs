using System.Security.Cryptography;

namespace Trajeckt.Sessions;

/// <summary>
/// A secret key that authenticates session states handed to clients (HMAC-SHA256), with the id that
/// names it inside each protected state so that a verifier picks the right key during a rotation.
/// </summary>
public sealed class SessionStateKey
{
    /// <summary>The shortest key accepted: 32 bytes, the HMAC-SHA256 block's security level.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The longest key id: ids travel in every protected state.</summary>
    public const int MaxIdLength = 64;

    private readonly byte[] _key;

    /// <summary>Creates a key.</summary>
    /// <param name="id">The key's id: 1 to 64 printable ASCII characters (e.g. <c>"2026-12"</c>).</param>
    /// <param name="key">At least 32 secret random bytes; copied.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="key"/> is not valid.</exception>
    public SessionStateKey(string id, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length is 0 or > MaxIdLength || !id.All(c => c is > ' ' and < '\u007f'))
            throw new ArgumentException($"A session-state key id is 1 to {MaxIdLength} printable ASCII characters without spaces.", nameof(id));
        if (key.Length < MinimumKeyLength)
            throw new ArgumentException($"A session-state key is at least {MinimumKeyLength} bytes, not {key.Length}.", nameof(key));
        Id = id;
        _key = key.ToArray();
    }

    /// <summary>The key's id.</summary>
    public string Id { get; }

    /// <summary>Creates a key of 32 random bytes.</summary>
    /// <param name="id">The key's id.</param>
    /// <returns>The key.</returns>
    public static SessionStateKey Generate(string id) => new(id, RandomNumberGenerator.GetBytes(MinimumKeyLength));

    internal void Mac(ReadOnlySpan<byte> data, Span<byte> tag) => HMACSHA256.HashData(_key, data, tag);
}
