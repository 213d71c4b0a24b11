namespace Trajeckt;

/// <summary>
/// Thrown by <see cref="TrajecktSession.Invoke{T}(ToolId, Func{T})"/> and its overloads when the session
/// refuses a call. The tool did not run.
/// </summary>
public sealed class TrajectoryViolationException : Exception
{
    /// <summary>Creates the exception for a refused decision.</summary>
    /// <param name="decision">The refusal.</param>
    public TrajectoryViolationException(Decision decision)
        : base(decision.Message ?? $"{decision.Code}: the call of {decision.ToolName} was refused at step {decision.Step}.")
    {
        Decision = decision;
    }

    /// <summary>The refused decision.</summary>
    public Decision Decision { get; }

    /// <summary>Why the call was refused.</summary>
    public DecisionReason Reason => Decision.Reason;

    /// <summary>The stable reason code, e.g. <c>"flow"</c>.</summary>
    public string? Code => Decision.Code;
}
