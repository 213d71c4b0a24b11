using System.Diagnostics.CodeAnalysis;

namespace Trajeckt;

/// <summary>
/// The outcome of loading and verifying a sealed commitment. A session created from a failed load
/// refuses every call with <see cref="FailureReason"/> (for a tampered or untrusted seal,
/// <c>seal_invalid</c>) and never falls back to heuristic mode.
/// </summary>
public sealed class CommitmentLoadResult
{
    private CommitmentLoadResult(Commitment? commitment, DecisionReason failureReason, string? failureMessage)
    {
        Commitment = commitment;
        FailureReason = failureReason;
        FailureMessage = failureMessage;
    }

    /// <summary>The verified commitment, or <see langword="null"/> when loading failed.</summary>
    public Commitment? Commitment { get; }

    /// <summary>Why loading failed (usually <see cref="DecisionReason.SealInvalid"/>), or <see cref="DecisionReason.None"/> on success.</summary>
    public DecisionReason FailureReason { get; }

    /// <summary>A sentence saying why loading failed, or <see langword="null"/> on success.</summary>
    public string? FailureMessage { get; }

    /// <summary>Whether a verified commitment was loaded.</summary>
    [MemberNotNullWhen(true, nameof(Commitment))]
    [MemberNotNullWhen(false, nameof(FailureMessage))]
    public bool Succeeded => Commitment is not null;

    internal static CommitmentLoadResult Success(Commitment commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return new CommitmentLoadResult(commitment, DecisionReason.None, null);
    }

    internal static CommitmentLoadResult Failure(DecisionReason reason, string message)
    {
        if (reason is DecisionReason.None or DecisionReason.AuthorizationRejected or DecisionReason.SessionEnded || !Enum.IsDefined(reason))
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "A load failure needs a refusal reason.");
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new CommitmentLoadResult(null, reason, message);
    }
}
