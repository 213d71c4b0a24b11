using Trajeckt.Audit;

namespace Trajeckt;

// Shadow mode (docs/rollout.md): decided as in enforcement, refused for a policy reason, run anyway.
public sealed partial class TrajecktSession
{
    /// <summary>Whether the session runs in shadow mode (<see cref="TrajecktOptions.Shadow"/>).</summary>
    public bool IsShadow => _shadow;

    // Only the policy's own refusals are shadowed. No commitment, an invalid seal, an internal error or a
    // reason this version does not know still refuse: shadow watches a policy, it does not excuse a
    // forged or missing one.
    private static bool ShadowLetsThrough(DecisionReason reason) => reason is
        DecisionReason.UnknownTool or DecisionReason.Budget or DecisionReason.Transition or DecisionReason.Flow
        or DecisionReason.Floor or DecisionReason.Heuristic or DecisionReason.Halted;

    private void ApplyShadowed(int toolIndex, string? toolName, long step)
    {
        try
        {
            _enforcer.ApplyShadowed(toolIndex, toolName, step);
        }
        catch (Exception)
        {
            _enforcer.AssumeWorstOutput(toolName, step);
        }
    }

    private void WarnShadowStarted(DecisionReason unavailable)
    {
        var note = unavailable == DecisionReason.None
            ? "calls the policy refuses will RUN and are only logged as would-refuse"
            : $"but it has no usable commitment ({ReasonCodes.ToCode(unavailable)}), so every call is still refused";
        if (_logging)
            SessionLog.ShadowSessionStarted(_logger, Id, note);
        else
            UnloggedShadowNotice.Write(Id, note);
    }

    private void AuditShadowRefusal(in Decision decision)
    {
        try
        {
            ShadowTelemetry.RecordWouldRefuse(decision.WouldRefuseReason);
            SessionLog.CallWouldBeRefused(_logger, Id, decision.Step, decision.ToolName, ReasonCodes.ToCode(decision.WouldRefuseReason), decision.Message);
        }
        catch (Exception)
        {
            // A failing audit sink must not change a decision that has already been made.
        }
    }
}
