using NSec.Cryptography;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Sealing;

/// <summary>Signs graph encodings with an operator's private key, producing seals.</summary>
public static class Sealer
{
    /// <summary>
    /// Seals a graph encoding. The encoding must decode as a graph: a seal on bytes that are not a graph
    /// would vouch for garbage.
    /// </summary>
    /// <param name="graphEncoding">The canonical graph encoding (what <c>GraphEncoder.Encode</c> returns).</param>
    /// <param name="keyPair">The operator's key pair.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="graphEncoding"/> is not a valid graph encoding.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="keyPair"/> was disposed.</exception>
    public static Seal Sign(byte[] graphEncoding, OperatorKeyPair keyPair)
    {
        ArgumentNullException.ThrowIfNull(graphEncoding);
        ArgumentNullException.ThrowIfNull(keyPair);
        if (!GraphDecoder.TryDecode(graphEncoding, out _, out var error))
            throw new ArgumentException($"The bytes are not a graph encoding: {error}", nameof(graphEncoding));
        var digest = GraphDigest.Compute(graphEncoding);
        var signature = SignatureAlgorithm.Ed25519.Sign(keyPair.PrivateKey, SealMessage.For(digest));
        return new Seal(digest, keyPair.KeyId, signature);
    }
}
