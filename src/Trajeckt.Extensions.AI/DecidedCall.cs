using Trajeckt.Interception;

namespace Trajeckt.Extensions.AI;

/// <summary>Runs an allowed call with its output reports collected, and records its completion in the session.</summary>
internal static class DecidedCall
{
    /// <param name="session">The session that allowed the call.</param>
    /// <param name="decision">The allowed decision.</param>
    /// <param name="run">Runs the call.</param>
    /// <param name="invokedFunction">
    /// The AIFunction that <paramref name="run"/> invokes when it may be a gate (a kernel function made of a gated
    /// AIFunction): that gate then takes this decision instead of deciding again; or
    /// <see cref="FrameworkDecisions.FirstGateOfTheTool"/> when <paramref name="run"/> is no tool itself but code that
    /// calls the tool through a gate. <see langword="null"/> when the caller has passed over any gate itself, or cannot
    /// tell, so that every gate inside decides.
    /// </param>
    public static async ValueTask<object?> RunAsync(TrajecktSession session, Decision decision, Func<ValueTask<object?>> run, object? invokedFunction = null)
    {
        var report = TrajecktToolOutput.Begin();
        try
        {
            using (FrameworkDecisions.Enter(session, in decision, invokedFunction))
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
