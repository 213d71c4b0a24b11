using Trajeckt.Interception;

namespace Trajeckt.Extensions.AI;

/// <summary>Runs an allowed call with its output reports collected, and records its completion in the session.</summary>
internal static class DecidedCall
{
    public static async ValueTask<object?> RunAsync(TrajecktSession session, Decision decision, Func<ValueTask<object?>> run)
    {
        var report = TrajecktToolOutput.Begin();
        try
        {
            // A function gate inside the call (the generator's, a TrajecktAIFunction) claims this decision instead of deciding again.
            using (FrameworkDecisions.Enter(session, in decision))
                return await run().ConfigureAwait(false);
        }
        finally
        {
            TrajecktToolOutput.End();
            var (origin, labels) = report.Snapshot();
            session.Complete(in decision, origin, labels);
        }
    }
}
