using Microsoft.SemanticKernel;
using Trajeckt.Extensions.AI;

namespace Trajeckt.SemanticKernel;

/// <summary>
/// Decides every kernel function invocation in the Trajeckt session before it runs: direct ones
/// (<c>kernel.InvokeAsync</c>), auto-invoked ones, and calls a function makes to other kernel functions. A refused
/// function never runs. A call that <see cref="TrajecktAutoFunctionInvocationFilter"/> has already decided is passed
/// through, so a kernel with both filters decides each call once.
/// </summary>
public sealed class TrajecktFunctionInvocationFilter : IFunctionInvocationFilter
{
    private readonly TrajecktFilterOptions _options;

    /// <summary>Creates the filter.</summary>
    /// <param name="options">Where the session comes from and what a refusal produces.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public TrajecktFunctionInvocationFilter(TrajecktFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc/>
    /// <exception cref="TrajectoryViolationException">The call was refused and <see cref="TrajecktFilterOptions.OnRefusal"/> is <see cref="TrajecktRefusalBehavior.Throw"/>, or the invocation is streaming (a streaming result cannot be replaced by the refusal).</exception>
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (AutoInvokedCall.TryClaim(context.Kernel, context.Function))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var session = KernelCallGate.ResolveSession(_options);
        var decision = await KernelCallGate.RunAsync(session, context.Function, () => next(context)).ConfigureAwait(false);
        if (decision.IsAllowed)
            return;
        // A streaming invocation's result must be a stream of the caller's item type; the refusal text is not one.
        if (_options.OnRefusal == TrajecktRefusalBehavior.Throw || context.IsStreaming)
            throw new TrajectoryViolationException(decision);
        context.Result = new FunctionResult(context.Function, RefusalResult.For(decision));
    }
}
