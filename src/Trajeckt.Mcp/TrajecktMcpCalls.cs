using ModelContextProtocol.Protocol;
using Trajeckt.Extensions.AI;

namespace Trajeckt.Mcp;

/// <summary>
/// Decides one <c>tools/call</c> in a Trajeckt session and runs it only when it is allowed: the one decision path of the
/// MCP server filter, for any other MCP front (a gateway, a hand-written <c>tools/call</c> handler) to decide exactly as it does.
/// </summary>
public static class TrajecktMcpCalls
{
    /// <summary>
    /// Decides a call of <paramref name="toolName"/> in <paramref name="session"/>. Refused: returns
    /// <see cref="McpRefusal.Create(Decision)"/> and never calls <paramref name="run"/>. Allowed: runs it with the
    /// session current, records afterwards (also when it throws) what the tool reported through
    /// <see cref="TrajecktToolOutput"/>, and returns its result. A gated call inside <paramref name="run"/> that is
    /// refused (<see cref="TrajectoryViolationException"/>) becomes that refusal's result.
    /// </summary>
    /// <param name="session">The session of the MCP session the call belongs to.</param>
    /// <param name="toolName">The tool as the policy names it (ordinal).</param>
    /// <param name="run">Runs the tool.</param>
    /// <returns>The tool's result, or the refusal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/> (checked before the call is decided).</exception>
    public static ValueTask<CallToolResult> InvokeAsync(TrajecktSession session, string toolName, Func<ValueTask<CallToolResult>> run)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(run);
        return InvokeAsync(session, toolName, run, claimant: null);
    }

    /// <param name="session">The session.</param>
    /// <param name="toolName">The tool.</param>
    /// <param name="run">Runs the tool.</param>
    /// <param name="claimant">The gate inside <paramref name="run"/> that takes this decision instead of deciding again (see <see cref="DecidedCall"/>).</param>
    internal static async ValueTask<CallToolResult> InvokeAsync(TrajecktSession session, string toolName, Func<ValueTask<CallToolResult>> run, object? claimant)
    {
        using var scope = session.Enter();
        var decision = session.Begin(toolName);
        if (!decision.IsAllowed)
            return McpRefusal.Create(decision);
        try
        {
            var result = await DecidedCall.RunAsync(session, decision, async () => await run().ConfigureAwait(false), claimant).ConfigureAwait(false);
            return result as CallToolResult ?? throw new InvalidOperationException($"The tools/call handler of {toolName} returned no result.");
        }
        catch (TrajectoryViolationException e)
        {
            // A gated call that the tool's own code made was refused.
            return McpRefusal.Create(e.Decision);
        }
    }
}
