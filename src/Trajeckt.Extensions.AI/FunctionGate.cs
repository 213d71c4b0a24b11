using Microsoft.Extensions.AI;

namespace Trajeckt.Extensions.AI;

/// <summary>
/// The <see cref="FunctionInvokingChatClient.FunctionInvoker"/> that UseTrajeckt installs: every function the
/// client invokes, parallel ones included, is decided by the session first, and its output is recorded after.
/// A refused function never runs; the refusal becomes its result.
/// </summary>
internal sealed partial class FunctionGate
{
    private readonly TrajecktFunctionGateOptions _options;
    private readonly Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? _next;

    public FunctionGate(TrajecktFunctionGateOptions options, Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? next)
    {
        _options = options;
        _next = next;
    }

    public static TrajecktSession ResolveSession(TrajecktFunctionGateOptions options) =>
        options.Session ?? options.SessionProvider?.Invoke() ?? TrajecktSession.CurrentOrRefusing;

    public static bool RequiresAuthorization(Commitment? commitment, string toolName) =>
        commitment is not null
        && commitment.Graph.TryGetToolIndex(toolName, out var index)
        && commitment.Graph.Tools[index].Floor is not null;

    public async ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        if (_options.SessionManager is { } manager)
            return await InvokeStoredAsync(manager, context, cancellationToken).ConfigureAwait(false);
        var session = ResolveSession(_options);
        var function = context.Function;
        var toolName = ToolFunctions.ToolName(function);
        using var scope = session.Enter();
        AuthorizeIfApproved(session, function, toolName);
        if (ToolFunctions.DecidableTarget(function, session) is not { } target)
            return await InvokeSelfGatedAsync(context, cancellationToken).ConfigureAwait(false);

        var decision = session.Begin(toolName);
        if (!decision.IsAllowed)
            return Refuse(context, decision);
        try
        {
            return await DecidedCall.RunAsync(session, decision, () => InvokeInnerAsync(context, target, cancellationToken)).ConfigureAwait(false);
        }
        catch (TrajectoryViolationException e)
        {
            // A gated call inside the function (a tool method it called) was refused.
            return Refuse(context, e.Decision);
        }
    }

    // FunctionInvokingChatClient invokes an ApprovalRequiredAIFunction only for a call the user approved: that
    // approval is the TrustedUser instruction that authorizes this one call past the tool's floor.
    private static void AuthorizeIfApproved(TrajecktSession session, AIFunction function, string toolName)
    {
        if (function.GetService<ApprovalRequiredAIFunction>() is not null && RequiresAuthorization(session.Commitment, toolName))
            session.Authorize(toolName, Trust.TrustedUser);
    }

    private async ValueTask<object?> InvokeSelfGatedAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await InvokeInnerAsync(context, context.Function, cancellationToken).ConfigureAwait(false);
        }
        catch (TrajectoryViolationException e)
        {
            return Refuse(context, e.Decision);
        }
    }

    private ValueTask<object?> InvokeInnerAsync(FunctionInvocationContext context, AIFunction target, CancellationToken cancellationToken)
    {
        if (_next is null)
            return target.InvokeAsync(context.Arguments, cancellationToken);
        // An invoker installed before UseTrajeckt runs the decided function, not a generated gate around it.
        context.Function = target;
        return _next(context, cancellationToken);
    }

    private string Refuse(FunctionInvocationContext context, Decision decision)
    {
        if (_options.TerminateOnRefusal)
            context.Terminate = true;
        return RefusalResult.For(decision);
    }
}
