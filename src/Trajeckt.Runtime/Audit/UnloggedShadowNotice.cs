namespace Trajeckt.Audit;

/// <summary>
/// Shadow mode must be loud (docs/rollout.md). A shadow session created without a logger factory has
/// no log to warn in, so the first such session of the process writes one line to standard error, saying
/// how to see the rest; later ones stay quiet there (one line a conversation would be noise), and every
/// would-refusal still counts in the <c>trajeckt.shadow.would_refuse</c> metric.
/// </summary>
internal static class UnloggedShadowNotice
{
    private static int s_written;

    public static void Write(string sessionId, string note)
    {
        if (Interlocked.Exchange(ref s_written, 1) != 0)
            return;
        Console.Error.WriteLine(
            $"trajeckt: warning: session {sessionId} runs in SHADOW MODE: {note}. No logger factory was given, so this "
            + $"is the only notice here: pass one to TrajecktSession.Create (or BeginSession) to log each shadow session and "
            + $"each would-refused call; the {TrajecktDiagnostics.WouldRefuseCounterName} metric counts them by reason.");
    }

    /// <summary>Lets the next unlogged shadow session write the line again (tests).</summary>
    internal static void Reset() => Volatile.Write(ref s_written, 0);
}
