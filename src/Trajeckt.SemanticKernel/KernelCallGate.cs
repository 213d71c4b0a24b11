using Trajeckt.Extensions.AI;

namespace Trajeckt.SemanticKernel;

/// <summary>Decides one kernel function call in the session, and runs and completes it only when it is allowed.</summary>
internal static class KernelCallGate
{
    public static TrajecktSession ResolveSession(TrajecktFilterOptions options) =>
        options.Session ?? options.SessionProvider?.Invoke() ?? TrajecktSession.CurrentOrRefusing;

    /// <summary>
    /// Decides <paramref name="toolName"/>; refused, returns the decision without running <paramref name="run"/>.
    /// Allowed, runs it with the session current and completes the decision afterwards, also when it throws,
    /// with what the function reported through <see cref="TrajecktToolOutput"/> (the M.E.AI gate's collection).
    /// </summary>
    public static async Task<Decision> RunAsync(TrajecktSession session, string toolName, Func<Task> run)
    {
        using var scope = session.Enter();
        var decision = session.Begin(toolName);
        if (!decision.IsAllowed)
            return decision;
        await DecidedCall.RunAsync(session, decision, async () =>
        {
            await run().ConfigureAwait(false);
            return null;
        }).ConfigureAwait(false);
        return decision;
    }
}
