namespace Trajeckt;

/// <summary>
/// Why a call was refused (docs/semantics.md), or <see cref="None"/> when it was allowed. The stable
/// string of each reason is <see cref="ReasonCodes.ToCode(DecisionReason)"/>.
/// </summary>
public enum DecisionReason
{
    /// <summary>The call was allowed (or the authorization accepted).</summary>
    None = 0,

    /// <summary><c>no_commitment</c>: no verified graph is installed in the session.</summary>
    NoCommitment,

    /// <summary><c>seal_invalid</c>: a commitment was present but its seal did not verify.</summary>
    SealInvalid,

    /// <summary><c>halted</c>: an earlier violation halted the session.</summary>
    Halted,

    /// <summary><c>unknown_tool</c>: the tool is not declared in the graph.</summary>
    UnknownTool,

    /// <summary><c>budget</c>: the session already made as many calls as the budget allows.</summary>
    Budget,

    /// <summary><c>transition</c>: the plan does not allow this tool after the calls so far.</summary>
    Transition,

    /// <summary><c>flow</c>: a label in the session's taint may not reach this sink.</summary>
    Flow,

    /// <summary><c>floor</c>: the session's integrity is below the tool's floor and no authorization is pending.</summary>
    Floor,

    /// <summary><c>heuristic</c>: heuristic mode refused a known-bad sequence.</summary>
    Heuristic,

    /// <summary><c>internal_error</c>: deciding failed; the call is refused rather than allowed.</summary>
    InternalError,

    /// <summary><c>authorization_rejected</c>: an authorization was not accepted.</summary>
    AuthorizationRejected,

    /// <summary><c>session_ended</c>: the session was disposed; it decides no further call.</summary>
    SessionEnded,

    /// <summary><c>store_unavailable</c>: the session store could not be reached, timed out, or kept conflicting beyond the retry bound, so the call could not be decided.</summary>
    StoreUnavailable,

    /// <summary><c>state_invalid</c>: the session's stored state could not be restored (another commitment, unknown version, altered or malformed).</summary>
    StateInvalid,

    /// <summary>
    /// <c>tool_definition_changed</c>: the MCP gateway refused a tool whose upstream definition is not the one the
    /// commitment pins (changed, removed, or added after sealing), or whose upstream's tool list is being re-read.
    /// </summary>
    ToolDefinitionChanged,
}
