using Microsoft.SemanticKernel;
using Trajeckt.Extensions.AI;

namespace Trajeckt.SemanticKernel;

/// <summary>
/// Decides every function call the model asks for in auto function calling, before the kernel invokes it. A refused
/// call never runs; its result is the refusal, and with <see cref="TrajecktRefusalBehavior.Terminate"/> the
/// function-calling loop ends. An allowed call is marked as decided, so <see cref="TrajecktFunctionInvocationFilter"/>
/// on the same kernel passes it through instead of deciding it again.
/// </summary>
/// <remarks>
/// This filter sees only auto-invoked calls. Register it together with <see cref="TrajecktFunctionInvocationFilter"/>
/// (as <see cref="TrajecktKernelExtensions"/> does) so that direct invocations and calls a function makes to other
/// kernel functions are decided too.
/// </remarks>
public sealed class TrajecktAutoFunctionInvocationFilter : IAutoFunctionInvocationFilter
{
    private readonly TrajecktFilterOptions _options;

    /// <summary>Creates the filter.</summary>
    /// <param name="options">Where the session comes from and what a refusal produces.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public TrajecktAutoFunctionInvocationFilter(TrajecktFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc/>
    /// <exception cref="TrajectoryViolationException">The call was refused and <see cref="TrajecktFilterOptions.OnRefusal"/> is <see cref="TrajecktRefusalBehavior.Throw"/>.</exception>
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var session = KernelCallGate.ResolveSession(_options);
        var decision = await KernelCallGate.RunAsync(session, context.Function, async () =>
        {
            using var mark = AutoInvokedCall.Mark(context.Kernel, context.Function);
            await next(context).ConfigureAwait(false);
        }).ConfigureAwait(false);
        if (decision.IsAllowed)
            return;
        if (_options.OnRefusal == TrajecktRefusalBehavior.Throw)
            throw new TrajectoryViolationException(decision);
        context.Result = new FunctionResult(context.Function, RefusalResult.For(decision));
        if (_options.OnRefusal == TrajecktRefusalBehavior.Terminate)
            context.Terminate = true;
    }
}
