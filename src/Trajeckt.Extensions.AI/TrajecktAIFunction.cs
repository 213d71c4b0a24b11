using Microsoft.Extensions.AI;
using Trajeckt.Interception;

namespace Trajeckt.Extensions.AI;

/// <summary>
/// An <see cref="AIFunction"/> whose every invocation is decided first as a call of one tool of the policy, for
/// invokers other than <see cref="FunctionInvokingChatClient"/> (which <c>UseTrajeckt</c> gates by itself). A
/// refused call throws <see cref="TrajectoryViolationException"/> and never runs; an allowed one records its
/// output, including what it reported through <see cref="TrajecktToolOutput"/>. Run inside a call that a framework's
/// Trajeckt gate has already decided (the Semantic Kernel filters, for a kernel function made of it), it takes that
/// decision instead of deciding the same call twice.
/// </summary>
public sealed class TrajecktAIFunction : DelegatingAIFunction
{
    private readonly TrajecktSession? _session;

    /// <summary>Gates <paramref name="innerFunction"/> as the generated tool <paramref name="tool"/> (e.g. <c>TrajecktGraphs.Support.Tools.send_email</c>).</summary>
    /// <param name="innerFunction">The function that runs the tool.</param>
    /// <param name="tool">The tool it runs.</param>
    /// <param name="session">The session that decides; <see langword="null"/> for <see cref="TrajecktSession.Current"/> at each call (none: refused, <c>no_commitment</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerFunction"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="tool"/> is the default handle, which names no tool.</exception>
    public TrajecktAIFunction(AIFunction innerFunction, ToolId tool, TrajecktSession? session = null)
        : this(innerFunction, tool.Name ?? throw new ArgumentException("The tool handle names no tool.", nameof(tool)), session)
    {
    }

    /// <summary>Gates <paramref name="innerFunction"/> as the tool named <paramref name="toolName"/>.</summary>
    /// <param name="innerFunction">The function that runs the tool.</param>
    /// <param name="toolName">The tool's name in the policy (ordinal).</param>
    /// <param name="session">The session that decides; <see langword="null"/> for <see cref="TrajecktSession.Current"/> at each call (none: refused, <c>no_commitment</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerFunction"/> or <paramref name="toolName"/> is <see langword="null"/>.</exception>
    public TrajecktAIFunction(AIFunction innerFunction, string toolName, TrajecktSession? session = null)
        : base(innerFunction)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ToolName = toolName;
        _session = session;
    }

    /// <summary>The tool of the policy that each invocation is decided as.</summary>
    public string ToolName { get; }

    /// <summary>The function this one gates, which the pipeline's gate invokes after deciding the call itself.</summary>
    internal AIFunction Inner => InnerFunction;

    /// <summary>The session this function is bound to, if any.</summary>
    internal TrajecktSession? Session => _session;

    /// <inheritdoc/>
    /// <exception cref="TrajectoryViolationException">The session refused the call; the function did not run.</exception>
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var session = _session ?? TrajecktSession.CurrentOrRefusing;
        // A framework's gate (e.g. the Semantic Kernel filters) decided this very call already and records its output.
        if (FrameworkDecisions.TryClaim(session, ToolName, this))
            return await base.InvokeCoreAsync(arguments, cancellationToken).ConfigureAwait(false);
        var decision = session.Begin(ToolName);
        if (!decision.IsAllowed)
            throw new TrajectoryViolationException(decision);
        return await DecidedCall.RunAsync(session, decision, () => base.InvokeCoreAsync(arguments, cancellationToken)).ConfigureAwait(false);
    }
}
