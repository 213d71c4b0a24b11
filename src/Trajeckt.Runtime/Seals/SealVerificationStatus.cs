namespace Trajeckt.Sealing;

/// <summary>The outcome of checking a seal against a graph encoding and a trust store, in the order checked.</summary>
public enum SealVerificationStatus
{
    /// <summary>The seal verifies: the digest matches, the key is trusted, the signature is good.</summary>
    Valid,

    /// <summary>The graph encoding's SHA-256 is not the digest the seal signs: the graph or the seal was changed.</summary>
    DigestMismatch,

    /// <summary>The seal's key id names no key in the trust store.</summary>
    UntrustedKey,

    /// <summary>The seal's key is a development key and the trust store does not trust development keys.</summary>
    DevelopmentKeyNotTrusted,

    /// <summary>The signature does not verify with the trusted key over the seal's digest.</summary>
    BadSignature,
}
