using Trajeckt.Audit;

namespace Trajeckt;

public sealed partial class TrajecktOptions
{
    /// <summary>
    /// The tamper-evident log every decision of the session is written to (docs/rollout.md), or
    /// <see langword="null"/> for none. Logging never changes a decision.
    /// </summary>
    public DecisionLog? DecisionLog { get; set; }

    /// <summary>
    /// Shadow mode (docs/rollout.md): every call is decided exactly as in enforcement and logged, but a call
    /// enforcement would refuse for a policy reason runs anyway (<see cref="Decision.WouldRefuse"/>).
    /// Off by default, and never implied: only <see langword="true"/> here (or <c>Trajeckt:Shadow</c> in
    /// configuration) turns it on. A session with no commitment, an invalid seal or an internal error
    /// still refuses. Each shadow session logs a warning when it starts.
    /// </summary>
    public bool Shadow { get; set; }
}
