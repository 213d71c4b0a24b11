namespace Trajeckt.Enforcement;

/// <summary>
/// The mode-specific half of a session: a committed graph, heuristic mode, or a session that refuses
/// everything. The session serializes every call to it under its lock and owns steps, halting, the
/// flight recorder and audit.
/// </summary>
internal abstract class SessionEnforcer
{
    protected SessionEnforcer(DecisionReason unavailableReason)
    {
        UnavailableReason = unavailableReason;
    }

    /// <summary>Check 1: the reason every call is refused (no commitment, invalid seal), or <see cref="DecisionReason.None"/>.</summary>
    public DecisionReason UnavailableReason { get; }

    /// <summary>What the session enforces, for its start log event; computed only when that event is logged.</summary>
    public abstract string Mode { get; }

    /// <summary>
    /// Runs the checks after <c>halted</c> and, when they pass, commits the call (frontier, count,
    /// authorization, declared effects). A refused call changes nothing.
    /// </summary>
    /// <param name="name">The tool's name as the caller gave it.</param>
    /// <param name="indexHint">The index of a <see cref="ToolId"/>, or -1 when the caller gave only a name.</param>
    /// <param name="step">The step of this call.</param>
    /// <param name="toolIndex">The tool's index in the graph, or -1.</param>
    /// <param name="toolName">The tool's canonical name (the graph's string when it is declared).</param>
    public abstract DecisionReason Decide(string? name, int indexHint, long step, out int toolIndex, out string? toolName);

    /// <summary>The sentence explaining a refusal <see cref="Decide"/> (or check 1) just returned; the state is unchanged since.</summary>
    public abstract string DescribeRefusal(DecisionReason reason, string? name, int toolIndex, long step);

    /// <summary>Applies what an allowed call reported about its output: labels join the taint, an origin can only lower integrity.</summary>
    public abstract void ApplyReported(string? toolName, long step, Trust? origin, IReadOnlyList<string>? labels);

    /// <summary>
    /// Applies a call that shadow mode let run despite its refusal (docs/rollout.md): its output entered the
    /// agent's context, so its declared labels and origin apply; the frontier, the call count and pending
    /// authorizations stay as after the refusal. A tool the session does not know ran with an unknown
    /// output: the worst is assumed.
    /// </summary>
    public virtual void ApplyShadowed(int toolIndex, string? toolName, long step)
    {
        if (toolIndex < 0)
            AssumeWorstOutput(toolName, step);
    }

    /// <summary>Records that an allowed call's output could not be recorded: assume the worst.</summary>
    public abstract void AssumeWorstOutput(string? toolName, long step);

    /// <summary>Decides an authorization; accepted ones add one pending authorization.</summary>
    public abstract bool Authorize(string? tool, Trust by, out string? toolName, out string message);

    /// <summary>Lowers integrity to the trust of content that entered the agent's context.</summary>
    public abstract void ObserveInput(Trust trust, long step);

    /// <summary>A trust level as enforcement reads it: values outside the lattice count as <see cref="Trust.Untrusted"/>.</summary>
    protected static Trust Sanitize(Trust trust) => trust <= Trust.TrustedUser ? trust : Trust.Untrusted;

    protected static string Describe(string? name) => name ?? "(null)";
}
