namespace Trajeckt;

/// <summary>The outcome of <see cref="TrajecktSession.Authorize(string, Trust)"/>.</summary>
public readonly struct AuthorizationResult
{
    internal AuthorizationResult(long step, string? toolName, DecisionReason reason, string message)
    {
        Step = step;
        ToolName = toolName;
        Reason = reason;
        Message = message;
    }

    /// <summary>Whether the authorization was accepted (and one more call of the tool may pass its floor).</summary>
    public bool IsAccepted => Reason == DecisionReason.None && Message is not null;

    /// <summary><see cref="DecisionReason.None"/> when accepted, otherwise <see cref="DecisionReason.AuthorizationRejected"/>.</summary>
    public DecisionReason Reason { get; }

    /// <summary>The stable reason code: <see langword="null"/> when accepted, else <c>"authorization_rejected"</c>.</summary>
    public string? Code => ReasonCodes.ToCode(Reason);

    /// <summary>The 1-based index of this event among the session's input, authorize and call events.</summary>
    public long Step { get; }

    /// <summary>The tool the authorization names.</summary>
    public string? ToolName { get; }

    /// <summary>A sentence saying what was accepted, or why the authorization was rejected.</summary>
    public string? Message { get; }

    /// <inheritdoc/>
    public override string ToString() => $"step {Step}: authorize {ToolName} {(IsAccepted ? "accepted" : "rejected")} ({Message})";
}
