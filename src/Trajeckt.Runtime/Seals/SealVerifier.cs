using System.Security.Cryptography;
using NSec.Cryptography;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Sealing;

/// <summary>
/// Checks a seal against a graph encoding and a trust store: the encoding's SHA-256 equals the seal's
/// digest, the key id names a trusted key (a development key only where development keys are trusted),
/// and the Ed25519 signature verifies with that key over the seal message of docs/semantics.md.
/// </summary>
public static class SealVerifier
{
    /// <summary>Verifies <paramref name="seal"/> for <paramref name="graphEncoding"/>. Never throws for a bad seal.</summary>
    /// <param name="graphEncoding">The canonical graph encoding, as it will be decoded and enforced.</param>
    /// <param name="seal">The seal.</param>
    /// <param name="trustStore">The trusted keys.</param>
    /// <exception cref="ArgumentNullException"><paramref name="seal"/> or <paramref name="trustStore"/> is <see langword="null"/>.</exception>
    public static SealVerificationResult Verify(ReadOnlySpan<byte> graphEncoding, Seal seal, TrustStore trustStore)
    {
        ArgumentNullException.ThrowIfNull(seal);
        ArgumentNullException.ThrowIfNull(trustStore);
        var digest = GraphDigest.FromBytes(SHA256.HashData(graphEncoding));
        if (digest != seal.Digest)
            return Fail(SealVerificationStatus.DigestMismatch, $"digest mismatch: the graph's SHA-256 is {digest} but the seal signs {seal.Digest}");
        if (!trustStore.TryGetKey(seal.KeyId, out var key))
            return Fail(SealVerificationStatus.UntrustedKey, $"untrusted key: the seal was made with key {seal.KeyId}, which is not among the {trustStore.Keys.Count} trusted key(s)");
        if (key.IsDevelopment && !trustStore.TrustDevelopmentKeys)
            return Fail(SealVerificationStatus.DevelopmentKeyNotTrusted, DevelopmentKeyNotTrustedMessage(seal.KeyId));
        // The signature covers the digest we computed, which equals the seal's: what is verified is this graph.
        if (!SignatureAlgorithm.Ed25519.Verify(key.Key, SealMessage.For(digest), seal.Signature))
            return Fail(SealVerificationStatus.BadSignature, $"bad signature: the seal's signature does not verify with key {seal.KeyId}");
        return new SealVerificationResult(SealVerificationStatus.Valid, digest, seal.KeyId, $"valid: digest {digest} sealed by {(key.IsDevelopment ? "development " : "")}key {seal.KeyId}");

        SealVerificationResult Fail(SealVerificationStatus status, string message) => new(status, digest, seal.KeyId, message);
    }

    // Says how to fix it, and that the fix is for development builds only: a development key never belongs in production.
    private static string DevelopmentKeyNotTrustedMessage(string keyId) =>
        $"development key not trusted: the seal was made with development key {keyId}, and development keys are not trusted here; "
        + "for a development build, set TrajecktOptions.TrustDevelopmentKeys = true (trajeckt verify: --trust-development). "
        + "Never set it in production: seal release builds with an operator key (trajeckt seal --key) instead";
}
