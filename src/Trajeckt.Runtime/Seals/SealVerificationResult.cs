using Trajeckt.Traj.Graph;

namespace Trajeckt.Sealing;

/// <summary>Whether a seal verified, and if not, which check failed and why, in one sentence.</summary>
public sealed class SealVerificationResult
{
    internal SealVerificationResult(SealVerificationStatus status, GraphDigest digest, string keyId, string message)
    {
        Status = status;
        Digest = digest;
        KeyId = keyId;
        Message = message;
    }

    /// <summary>Which check decided the outcome.</summary>
    public SealVerificationStatus Status { get; }

    /// <summary>Whether the seal verified.</summary>
    public bool IsValid => Status == SealVerificationStatus.Valid;

    /// <summary>The digest of the graph encoding that was checked.</summary>
    public GraphDigest Digest { get; }

    /// <summary>The key id the seal names.</summary>
    public string KeyId { get; }

    /// <summary>One sentence: what verified, or which check failed and why.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => Message;
}
