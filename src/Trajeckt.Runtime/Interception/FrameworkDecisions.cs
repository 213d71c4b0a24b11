namespace Trajeckt.Interception;

/// <summary>
/// The call that a framework's gate (the Semantic Kernel filters) has decided and is running in this async flow,
/// with the function object it invokes. When that function is itself a function gate (the generator's AIFunction,
/// a TrajecktAIFunction, made into the kernel function), that gate is the same call: it claims the decision once
/// instead of deciding, and counting, the call a second time. Only that very gate object, for the same tool and
/// session, can claim it, and only once, so any other call, such as a gate that the invoked code calls itself, is
/// decided as usual.
/// </summary>
/// <remarks>
/// A framework handler that is not itself a tool (an MCP server tool whose body calls the <c>[Tool]</c> method that
/// does the work) marks its call with <see cref="FirstGateOfTheTool"/>: then the first gate of the same tool and
/// session that its code reaches, whatever object it is, is the decided call and claims it; any later one is decided.
/// </remarks>
internal static class FrameworkDecisions
{
    private static readonly AsyncLocal<Running?> s_running = new();

    /// <summary>
    /// Passed to <see cref="Enter"/> as the function when the framework invokes no gate itself but code that calls the
    /// tool through one: the first gate of that tool and session in the flow claims the decision.
    /// </summary>
    public static readonly object FirstGateOfTheTool = new();

    /// <summary>
    /// Marks <paramref name="decision"/>, allowed in <paramref name="session"/>, as the call now running, until the
    /// scope ends; the gate <paramref name="function"/>, the object the framework invokes, may claim it. With no
    /// function, nothing can claim it (the call is still marked, so no outer call's claim leaks into it).
    /// </summary>
    public static Scope Enter(TrajecktSession session, in Decision decision, object? function)
    {
        var previous = s_running.Value;
        s_running.Value = decision.IsAllowed && decision.ToolName is { } tool && function is not null ? new Running(session, tool, function) : null;
        return new Scope(previous);
    }

    /// <summary>
    /// Whether the running call is a call of <paramref name="toolName"/> in <paramref name="session"/> that the
    /// framework makes by invoking <paramref name="gate"/> itself (or, marked with <see cref="FirstGateOfTheTool"/>,
    /// through any gate), and no gate has claimed it yet; claims it if so.
    /// </summary>
    public static bool TryClaim(TrajecktSession session, string toolName, object gate) =>
        s_running.Value is { } running
        && (ReferenceEquals(running.Function, gate) || ReferenceEquals(running.Function, FirstGateOfTheTool))
        && ReferenceEquals(running.Session, session)
        && string.Equals(running.ToolName, toolName, StringComparison.Ordinal)
        && Interlocked.Exchange(ref running.Claimed, 1) == 0;

    /// <summary>Whether a framework's call is marked in this flow (cheap: the intercepted path asks it before any claim).</summary>
    public static bool IsRunning => s_running.Value is not null;

    /// <summary>Restores the call that was running before.</summary>
    public readonly struct Scope(Running? previous) : IDisposable
    {
        public void Dispose() => s_running.Value = previous;
    }

    internal sealed class Running(TrajecktSession session, string toolName, object function)
    {
        public readonly TrajecktSession Session = session;
        public readonly string ToolName = toolName;
        public readonly object Function = function;
        public int Claimed;
    }
}
