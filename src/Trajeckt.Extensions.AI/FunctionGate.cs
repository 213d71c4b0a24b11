using System.Reflection;
using Microsoft.Extensions.AI;

namespace Trajeckt.Extensions.AI;

/// <summary>
/// The <see cref="FunctionInvokingChatClient.FunctionInvoker"/> that UseTrajeckt installs: every function the
/// client invokes, parallel ones included, is decided by the session first, and its output is recorded after.
/// A refused function never runs; the refusal becomes its result.
/// </summary>
internal sealed class FunctionGate
{
    // The generator's AIFunction gate (AIFunctionFactory.Create(toolMethod) intercepted) decides its calls itself in
    // the ambient session; deciding them here too would count every call twice and break the plan's order.
    private const string GeneratedGateTypeName = "Trajeckt.Generated.TrajecktGatedAIFunction";

    // DelegatingAIFunction.InnerFunction is protected; without it (a changed API) no function counts as
    // self-gated, which decides such calls twice: stricter, never looser.
    private static readonly PropertyInfo? s_innerFunction =
        typeof(DelegatingAIFunction).GetProperty("InnerFunction", BindingFlags.Instance | BindingFlags.NonPublic);

    // Refuses every call with no_commitment: what a call gets when no session can be found.
    private static readonly TrajecktSession s_noSession = TrajecktSession.Create((Commitment?)null);

    private readonly TrajecktFunctionGateOptions _options;
    private readonly Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? _next;

    public FunctionGate(TrajecktFunctionGateOptions options, Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? next)
    {
        _options = options;
        _next = next;
    }

    public static TrajecktSession ResolveSession(TrajecktFunctionGateOptions options) =>
        options.Session ?? options.SessionProvider?.Invoke() ?? TrajecktSession.Current ?? s_noSession;

    public static bool RequiresAuthorization(TrajecktSession session, string toolName) =>
        session.Commitment is { } commitment
        && commitment.Graph.TryGetToolIndex(toolName, out var index)
        && commitment.Graph.Tools[index].Floor is not null;

    public async ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        var session = ResolveSession(_options);
        var function = context.Function;
        using var scope = session.Enter();
        AuthorizeIfApproved(session, function);
        if (IsSelfGated(function))
            return await InvokeSelfGatedAsync(context, cancellationToken).ConfigureAwait(false);

        var decision = session.Begin(function.Name);
        if (!decision.IsAllowed)
            return Refuse(context, decision);
        var report = TrajecktToolOutput.Begin();
        try
        {
            return await InvokeInnerAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (TrajectoryViolationException e)
        {
            // A gated call inside the function (a tool method it called) was refused.
            return Refuse(context, e.Decision);
        }
        finally
        {
            TrajecktToolOutput.End();
            var (origin, labels) = report.Snapshot();
            session.Complete(in decision, origin, labels);
        }
    }

    // FunctionInvokingChatClient invokes an ApprovalRequiredAIFunction only for a call the user approved: that
    // approval is the TrustedUser instruction that authorizes this one call past the tool's floor.
    private static void AuthorizeIfApproved(TrajecktSession session, AIFunction function)
    {
        if (function.GetService<ApprovalRequiredAIFunction>() is not null && RequiresAuthorization(session, function.Name))
            session.Authorize(function.Name, Trust.TrustedUser);
    }

    private static bool IsSelfGated(AIFunction function)
    {
        for (AIFunction? current = function; current is not null; current = current is DelegatingAIFunction ? s_innerFunction?.GetValue(current) as AIFunction : null)
        {
            if (current.GetType().FullName == GeneratedGateTypeName)
                return true;
        }
        return false;
    }

    private async ValueTask<object?> InvokeSelfGatedAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await InvokeInnerAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (TrajectoryViolationException e)
        {
            return Refuse(context, e.Decision);
        }
    }

    private ValueTask<object?> InvokeInnerAsync(FunctionInvocationContext context, CancellationToken cancellationToken) =>
        _next is not null ? _next(context, cancellationToken) : context.Function.InvokeAsync(context.Arguments, cancellationToken);

    private string Refuse(FunctionInvocationContext context, Decision decision)
    {
        if (_options.TerminateOnRefusal)
            context.Terminate = true;
        return RefusalResult.For(decision);
    }
}
