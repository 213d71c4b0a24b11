using Microsoft.SemanticKernel;
using Trajeckt.Extensions.AI;

namespace Trajeckt.SemanticKernel;

/// <summary>Decides one kernel function call in the session, and runs and completes it only when it is allowed.</summary>
internal static class KernelCallGate
{
    public static TrajecktSession ResolveSession(TrajecktFilterOptions options) =>
        options.Session ?? options.SessionProvider?.Invoke() ?? TrajecktSession.CurrentOrRefusing;

    /// <summary>
    /// Decides <paramref name="function"/> as its tool; refused, returns the decision without running <paramref name="run"/>.
    /// Allowed, runs it with the session current and completes the decision afterwards, also when it throws,
    /// with what the function reported through <see cref="TrajecktToolOutput"/> (the M.E.AI gate's collection).
    /// </summary>
    /// <remarks>
    /// A kernel function made of a gated AIFunction (<c>AsKernelFunction()</c>) invokes that gate; the gate takes this
    /// decision instead of deciding the same call again.
    /// </remarks>
    public static async Task<Decision> RunAsync(TrajecktSession session, KernelFunction function, Func<Task> run)
    {
        using var scope = session.Enter();
        var decision = session.Begin(KernelTools.ToolName(function));
        if (!decision.IsAllowed)
            return decision;
        await DecidedCall.RunAsync(session, decision, async () =>
        {
            await run().ConfigureAwait(false);
            return null;
        }, invokedFunction: KernelTools.InvokedAIFunction(function)).ConfigureAwait(false);
        return decision;
    }
}
