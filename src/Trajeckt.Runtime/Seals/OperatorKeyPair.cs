using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Trajeckt.Sealing;

/// <summary>
/// An operator's Ed25519 key pair, the private half of which signs seals. The private key lives in
/// libsodium-managed memory and leaves it only through <see cref="PrivateKeyFile"/>.
/// </summary>
public sealed class OperatorKeyPair : IDisposable
{
    /// <summary>The length of a raw Ed25519 private key (its seed) in bytes.</summary>
    public const int RawPrivateKeyLength = 32;

    private OperatorKeyPair(Key key, bool isDevelopment)
    {
        PrivateKey = key;
        PublicKey = OperatorPublicKey.FromRaw(key.PublicKey.Export(KeyBlobFormat.RawPublicKey), isDevelopment);
    }

    /// <summary>The public half, as a trust store would hold it.</summary>
    public OperatorPublicKey PublicKey { get; }

    /// <summary>The key id of the public half.</summary>
    public string KeyId => PublicKey.KeyId;

    /// <summary>Whether this is a development key pair.</summary>
    public bool IsDevelopment => PublicKey.IsDevelopment;

    internal Key PrivateKey { get; }

    /// <summary>Generates a new key pair from the operating system's secure random source.</summary>
    /// <param name="isDevelopment">Whether it is a development key pair, whose seals verify only where development keys are trusted.</param>
    public static OperatorKeyPair Generate(bool isDevelopment = false) =>
        new(Key.Create(SignatureAlgorithm.Ed25519, ExportableParameters()), isDevelopment);

    /// <summary>Creates a key pair from a raw 32-byte private key, or fails when the bytes are not one.</summary>
    /// <param name="rawPrivateKey">The raw Ed25519 private key (seed).</param>
    /// <param name="isDevelopment">Whether it is a development key pair.</param>
    /// <param name="keyPair">The key pair, or <see langword="null"/>.</param>
    public static bool TryFromRaw(ReadOnlySpan<byte> rawPrivateKey, bool isDevelopment, [NotNullWhen(true)] out OperatorKeyPair? keyPair)
    {
        keyPair = null;
        if (rawPrivateKey.Length != RawPrivateKeyLength
            || !Key.TryImport(SignatureAlgorithm.Ed25519, rawPrivateKey, KeyBlobFormat.RawPrivateKey, out var key, ExportableParameters()))
            return false;
        keyPair = new OperatorKeyPair(key!, isDevelopment);
        return true;
    }

    /// <summary>Releases the private key's memory.</summary>
    public void Dispose() => PrivateKey.Dispose();

    /// <summary>Exports the raw private key; the caller must wipe the bytes.</summary>
    internal byte[] ExportRawPrivateKey() => PrivateKey.Export(KeyBlobFormat.RawPrivateKey);

    // Plaintext export is what lets the key be saved to its (owner-only) file at all.
    private static KeyCreationParameters ExportableParameters() =>
        new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
}
