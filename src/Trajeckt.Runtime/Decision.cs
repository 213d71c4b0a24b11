namespace Trajeckt;

/// <summary>
/// The outcome of <see cref="TrajecktSession.Begin(ToolId)"/>: whether the call may run, and if not,
/// why. Pass it back to <see cref="TrajecktSession.Complete(in Decision, Trust?, IReadOnlyList{string}?)"/>
/// after the tool ran.
/// </summary>
public readonly struct Decision
{
    internal Decision(TrajecktSession session, long step, string? toolName, DecisionReason reason, string? message, DecisionReason wouldRefuse = DecisionReason.None)
    {
        WouldRefuseReason = wouldRefuse;
        Session = session;
        Step = step;
        ToolName = toolName;
        Reason = reason;
        Message = message;
    }

    /// <summary>Whether the call may run.</summary>
    public bool IsAllowed => Reason == DecisionReason.None && Session is not null;

    /// <summary>Why the call was refused, or <see cref="DecisionReason.None"/> when it was allowed.</summary>
    public DecisionReason Reason { get; }

    /// <summary>The stable reason code (e.g. <c>"flow"</c>), or <see langword="null"/> when the call was allowed.</summary>
    public string? Code => ReasonCodes.ToCode(Reason);

    /// <summary>The 1-based index of this event among the session's input, authorize and call events.</summary>
    public long Step { get; }

    /// <summary>The name of the tool that was called.</summary>
    public string? ToolName { get; }

    /// <summary>
    /// <see langword="null"/> when the call was allowed (in shadow mode, the refusal it was let through
    /// despite, starting <c>shadow: would refuse:</c>); otherwise a sentence that names the tool and the
    /// step, label or trust level that caused the refusal.
    /// </summary>
    public string? Message { get; }

    /// <summary>
    /// In shadow mode (<see cref="TrajecktOptions.Shadow"/>), the reason enforcement would have refused
    /// this call, which was let through; <see cref="DecisionReason.None"/> otherwise.
    /// </summary>
    public DecisionReason WouldRefuseReason { get; }

    /// <summary>Whether shadow mode let this call run although enforcement would have refused it.</summary>
    public bool WouldRefuse => WouldRefuseReason != DecisionReason.None;

    internal TrajecktSession? Session { get; }

    /// <summary>Returns the decision as one line: <c>step N: tool allow</c> or <c>step N: tool deny (message)</c>.</summary>
    public override string ToString() =>
        IsAllowed ? $"step {Step}: {ToolName} allow" : $"step {Step}: {ToolName} deny ({Message ?? Code})";
}
