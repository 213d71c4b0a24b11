namespace Trajeckt.Interception;

/// <summary>
/// The call that a framework's gate (UseTrajeckt, the Semantic Kernel filters) has decided and is running in this
/// async flow. A function gate inside it (the generator's AIFunction, a TrajecktAIFunction) is the same call: it
/// claims that decision once instead of deciding, and counting, the call a second time. Only the first such gate
/// of the flow can claim it, so any further call of the tool, even from inside the tool, is decided as usual.
/// </summary>
internal static class FrameworkDecisions
{
    private static readonly AsyncLocal<Running?> s_running = new();

    /// <summary>Marks <paramref name="decision"/>, allowed in <paramref name="session"/>, as the call now running, until the scope ends.</summary>
    public static Scope Enter(TrajecktSession session, in Decision decision)
    {
        var previous = s_running.Value;
        s_running.Value = decision.IsAllowed && decision.ToolName is { } tool ? new Running(session, tool) : null;
        return new Scope(previous);
    }

    /// <summary>Whether the running call is a call of <paramref name="toolName"/> in <paramref name="session"/> that no gate has claimed yet; claims it if so.</summary>
    public static bool TryClaim(TrajecktSession session, string toolName) =>
        s_running.Value is { } running
        && ReferenceEquals(running.Session, session)
        && string.Equals(running.ToolName, toolName, StringComparison.Ordinal)
        && Interlocked.Exchange(ref running.Claimed, 1) == 0;

    /// <summary>Restores the call that was running before.</summary>
    public readonly struct Scope(Running? previous) : IDisposable
    {
        public void Dispose() => s_running.Value = previous;
    }

    internal sealed class Running(TrajecktSession session, string toolName)
    {
        public readonly TrajecktSession Session = session;
        public readonly string ToolName = toolName;
        public int Claimed;
    }
}
