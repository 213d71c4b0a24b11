using Trajeckt.Traj.Graph;

namespace Trajeckt.Sealing;

/// <summary>
/// An operator's seal on a graph: the graph's digest, the id of the signing key, and the Ed25519
/// signature over <c>trajeckt-seal-v1</c>, a zero byte and the 32 digest bytes (docs/semantics.md).
/// A seal proves nothing by itself; <see cref="SealVerifier"/> checks it against a graph and a trust store.
/// </summary>
public sealed class Seal
{
    /// <summary>The length of an Ed25519 signature in bytes.</summary>
    public const int SignatureLength = 64;

    private readonly byte[] _signature;

    /// <summary>Creates a seal from its parts.</summary>
    /// <param name="digest">The digest of the sealed graph encoding.</param>
    /// <param name="keyId">The id of the signing key: 16 lowercase hexadecimal digits.</param>
    /// <param name="signature">The 64-byte Ed25519 signature.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keyId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The key id or the signature is malformed.</exception>
    public Seal(GraphDigest digest, string keyId, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        if (!Sealing.KeyId.IsWellFormed(keyId))
            throw new ArgumentException($"A key id is {Sealing.KeyId.Length} lowercase hexadecimal digits, not '{keyId}'.", nameof(keyId));
        if (signature.Length != SignatureLength)
            throw new ArgumentException($"An Ed25519 signature is {SignatureLength} bytes, not {signature.Length}.", nameof(signature));
        Digest = digest;
        KeyId = keyId;
        _signature = signature.ToArray();
    }

    /// <summary>The digest of the sealed graph encoding.</summary>
    public GraphDigest Digest { get; }

    /// <summary>The id of the key that signed the seal.</summary>
    public string KeyId { get; }

    internal ReadOnlySpan<byte> Signature => _signature;

    /// <summary>Returns a copy of the 64-byte signature.</summary>
    public byte[] GetSignature() => (byte[])_signature.Clone();
}
