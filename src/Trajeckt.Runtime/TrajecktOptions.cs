namespace Trajeckt;

/// <summary>
/// How sessions enforce commitments. Bind from the configuration section <see cref="SectionName"/> or
/// configure in code; <see cref="TrajecktSession.Create(Commitment?, TrajecktOptions?, Microsoft.Extensions.Logging.ILoggerFactory?)"/>
/// and the options validator reject contradictory settings.
/// </summary>
/// <remarks>
/// A session without a commitment runs in heuristic mode only when <see cref="AllowUncommitted"/> is
/// <see langword="true"/>, which requires <see cref="RequireCommitment"/> to be <see langword="false"/>.
/// Turning <see cref="RequireCommitment"/> off alone changes nothing: an uncommitted session still
/// refuses every call with <c>no_commitment</c>. A present but invalid seal never runs heuristic mode.
/// </remarks>
public sealed partial class TrajecktOptions
{
    /// <summary>The configuration section the options bind from: <c>"Trajeckt"</c>.</summary>
    public const string SectionName = "Trajeckt";

    /// <summary>Whether every session must enforce a verified commitment. Default <see langword="true"/>.</summary>
    public bool RequireCommitment { get; set; } = true;

    /// <summary>
    /// Whether a session with no commitment runs in heuristic mode instead of refusing every call.
    /// Default <see langword="false"/>; <see langword="true"/> requires <see cref="RequireCommitment"/> = <see langword="false"/>.
    /// </summary>
    public bool AllowUncommitted { get; set; }

    /// <summary>What a session does after a refused call. Default <see cref="ViolationBehavior.Refuse"/>.</summary>
    public ViolationBehavior OnViolation { get; set; } = ViolationBehavior.Refuse;

    /// <summary>The operator's trusted Ed25519 public keys that seals must verify against.</summary>
    public IList<string> TrustedKeys { get; set; } = new List<string>();

    /// <summary>Whether seals signed with development keys are trusted. Default <see langword="false"/>; never enable in production.</summary>
    public bool TrustDevelopmentKeys { get; set; }

    /// <summary>Whether uncommitted sessions run in heuristic mode under these options.</summary>
    internal bool RunsHeuristicWhenUncommitted => AllowUncommitted && !RequireCommitment;
}
