using System.ComponentModel;

namespace Trajeckt.Interception;

/// <summary>
/// The gate that generated interceptors call around every tool call: it decides the call in the
/// ambient session (<see cref="TrajecktSession.Current"/>) and throws when the call is refused. With no
/// ambient session every call is refused (<c>no_commitment</c>): the gate never fails open.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolGate
{
    /// <summary>
    /// Decides a call of <paramref name="toolName"/>; on allow, commits it and returns the call to complete. Inside a
    /// framework handler that has decided this tool's call for the first gate its code reaches (an MCP server tool whose
    /// body calls the tool method), the call takes that decision instead and the returned call is empty.
    /// </summary>
    /// <param name="toolName">The tool's name.</param>
    /// <returns>The allowed call; pass nothing to the tool, call <see cref="GatedCall.Complete"/> when it is done.</returns>
    /// <exception cref="TrajectoryViolationException">The call is refused; the tool must not run.</exception>
    public static GatedCall Begin(string toolName)
    {
        var session = TrajecktSession.CurrentOrRefusing;
        return FrameworkDecisions.TryClaim(session, toolName, toolName) ? default : Allowed(session, session.Begin(toolName));
    }

    /// <summary>Decides a call of the tool of <paramref name="slot"/>, as <see cref="Begin(string)"/> does, or takes the decision a framework handler made for it.</summary>
    /// <param name="slot">The interceptor's slot for the tool.</param>
    /// <returns>The allowed call; call <see cref="GatedCall.Complete"/> when the tool is done.</returns>
    /// <exception cref="TrajectoryViolationException">The call is refused; the tool must not run.</exception>
    public static GatedCall Begin(ToolSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var session = TrajecktSession.CurrentOrRefusing;
        // Inside a framework handler that decided this tool's call and marked it for the first gate it reaches.
        // The claim takes the decision only for the very tool the call site was compiled for; a foreign one is decided (refused).
        return FrameworkDecisions.IsRunning && !slot.IsForeign(session, out _) && FrameworkDecisions.TryClaim(session, slot.ToolName, slot)
            ? default
            : Allowed(session, slot.Begin(session));
    }

    /// <summary>
    /// Decides a call of the tool of <paramref name="slot"/> that an agent framework makes through a generated
    /// AIFunction. When the framework's own Trajeckt gate has already decided this very call, it is not decided
    /// again: the returned call is empty and the framework's gate records the output.
    /// </summary>
    /// <param name="slot">The function's slot for the tool.</param>
    /// <param name="gate">The generated function itself: only a framework's call of this very object is the call it decided.</param>
    /// <returns>The allowed call; call <see cref="GatedCall.Complete"/> when the tool is done.</returns>
    /// <exception cref="TrajectoryViolationException">The call is refused; the tool must not run.</exception>
    public static GatedCall BeginFunction(ToolSlot slot, object gate)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(gate);
        var session = TrajecktSession.CurrentOrRefusing;
        // A framework's gate decided by name only: a foreign tool of that name is refused even when claimed.
        if (slot.IsForeign(session, out var refusal))
            return Allowed(session, session.RefuseForeignTool(slot.ToolName, refusal));
        return FrameworkDecisions.TryClaim(session, slot.ToolName, gate) ? default : Allowed(session, slot.Begin(session));
    }

    private static GatedCall Allowed(TrajecktSession session, Decision decision) =>
        decision.IsAllowed ? new GatedCall(session, decision) : throw new TrajectoryViolationException(decision);
}

/// <summary>An allowed tool call whose output is still to be recorded.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct GatedCall
{
    private readonly TrajecktSession? _session;
    private readonly Decision _decision;

    internal GatedCall(TrajecktSession session, Decision decision)
    {
        _session = session;
        _decision = decision;
    }

    /// <summary>Records the tool's output (its declared labels and origin) in the session; call it also when the tool threw.</summary>
    public void Complete() => _session?.Complete(in _decision);
}
