using Trajeckt.Audit;

namespace Trajeckt;

public sealed partial class TrajecktOptions
{
    /// <summary>
    /// The tamper-evident log every decision of the session is written to (docs/rollout.md), or
    /// <see langword="null"/> for none. Logging never changes a decision.
    /// </summary>
    public DecisionLog? DecisionLog { get; set; }
}
