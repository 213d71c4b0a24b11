using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Trajeckt.Sealing;

/// <summary>
/// An operator's Ed25519 public key: what a <see cref="TrustStore"/> trusts and a seal's signature is
/// checked against. A development key verifies only where development keys are trusted.
/// </summary>
public sealed class OperatorPublicKey : IEquatable<OperatorPublicKey>
{
    /// <summary>The length of a raw Ed25519 public key in bytes.</summary>
    public const int RawLength = 32;

    /// <summary>The prefix of a production key in its text form, <c>ed25519:&lt;base64&gt;</c>.</summary>
    public const string ProductionPrefix = "ed25519:";

    /// <summary>The prefix of a development key in its text form, <c>ed25519-dev:&lt;base64&gt;</c>.</summary>
    public const string DevelopmentPrefix = "ed25519-dev:";

    private readonly byte[] _raw;

    private OperatorPublicKey(PublicKey key, byte[] raw, bool isDevelopment)
    {
        Key = key;
        _raw = raw;
        IsDevelopment = isDevelopment;
        KeyId = Sealing.KeyId.Compute(raw);
    }

    /// <summary>The key's id: the first 16 hexadecimal digits of the SHA-256 of the raw public key.</summary>
    public string KeyId { get; }

    /// <summary>Whether this is a development key, trusted only when development keys are.</summary>
    public bool IsDevelopment { get; }

    internal PublicKey Key { get; }

    /// <summary>Creates a key from its 32 raw bytes.</summary>
    /// <param name="rawKey">The raw Ed25519 public key.</param>
    /// <param name="isDevelopment">Whether it is a development key.</param>
    /// <exception cref="ArgumentException"><paramref name="rawKey"/> is not a 32-byte Ed25519 public key.</exception>
    public static OperatorPublicKey FromRaw(ReadOnlySpan<byte> rawKey, bool isDevelopment = false) =>
        TryFromRaw(rawKey, isDevelopment, out var key)
            ? key
            : throw new ArgumentException($"An Ed25519 public key is {RawLength} bytes of a valid key, not these {rawKey.Length} bytes.", nameof(rawKey));

    /// <summary>Creates a key from its 32 raw bytes, or fails when they are not an Ed25519 public key.</summary>
    /// <param name="rawKey">The raw Ed25519 public key.</param>
    /// <param name="isDevelopment">Whether it is a development key.</param>
    /// <param name="key">The key, or <see langword="null"/>.</param>
    public static bool TryFromRaw(ReadOnlySpan<byte> rawKey, bool isDevelopment, [NotNullWhen(true)] out OperatorPublicKey? key)
    {
        key = null;
        if (rawKey.Length != RawLength || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, rawKey, KeyBlobFormat.RawPublicKey, out var imported))
            return false;
        key = new OperatorPublicKey(imported!, rawKey.ToArray(), isDevelopment);
        return true;
    }

    /// <summary>
    /// Parses the text form <see cref="ToString"/> writes: <c>ed25519:&lt;base64&gt;</c> for a production
    /// key, <c>ed25519-dev:&lt;base64&gt;</c> for a development key, with canonical base64 of the 32 raw bytes.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="key">The key, or <see langword="null"/> when parsing fails.</param>
    /// <param name="error">Why parsing failed, or <see langword="null"/>.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OperatorPublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        bool isDevelopment;
        string base64;
        if (text is not null && text.StartsWith(ProductionPrefix, StringComparison.Ordinal))
        {
            isDevelopment = false;
            base64 = text.Substring(ProductionPrefix.Length);
        }
        else if (text is not null && text.StartsWith(DevelopmentPrefix, StringComparison.Ordinal))
        {
            isDevelopment = true;
            base64 = text.Substring(DevelopmentPrefix.Length);
        }
        else
        {
            error = $"a public key is written '{ProductionPrefix}<base64>' or '{DevelopmentPrefix}<base64>'";
            return false;
        }
        if (!StrictBase64.TryDecode(base64, out var raw) || !TryFromRaw(raw, isDevelopment, out key))
        {
            error = $"'{text}' is not the canonical base64 of a {RawLength}-byte Ed25519 public key";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>Returns a copy of the 32 raw key bytes.</summary>
    public byte[] ExportRaw() => (byte[])_raw.Clone();

    /// <summary>Returns the key's text form, <c>ed25519:&lt;base64&gt;</c> or <c>ed25519-dev:&lt;base64&gt;</c>, as a trust store entry accepts it.</summary>
    public override string ToString() => (IsDevelopment ? DevelopmentPrefix : ProductionPrefix) + Convert.ToBase64String(_raw);

    /// <summary>Whether both are the same key with the same development flag.</summary>
    public bool Equals(OperatorPublicKey? other) =>
        other is not null && IsDevelopment == other.IsDevelopment && _raw.AsSpan().SequenceEqual(other._raw);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OperatorPublicKey);

    /// <inheritdoc/>
    public override int GetHashCode() => KeyId.GetHashCode(StringComparison.Ordinal);

    internal bool HasSameKeyAs(OperatorPublicKey other) => _raw.AsSpan().SequenceEqual(other._raw);
}
