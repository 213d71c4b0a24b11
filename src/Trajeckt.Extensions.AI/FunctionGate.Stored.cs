using Microsoft.Extensions.AI;
using Trajeckt.Sessions;

namespace Trajeckt.Extensions.AI;

/// <summary>The gate's path for sessions in a store, keyed by conversation (<see cref="TrajecktFunctionGateOptions.SessionManager"/>).</summary>
internal sealed partial class FunctionGate
{
    // What code inside a stored-session call sees as the ambient session: one that refuses everything. A nested gated
    // call would otherwise be decided in a session that is not stored, and its taint lost for the next request.
    private static readonly TrajecktSession s_refusesNested = TrajecktSession.Create((Commitment?)null);

    private async ValueTask<object?> InvokeStoredAsync(TrajecktSessionManager manager, FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        var function = context.Function;
        var toolName = ToolFunctions.ToolName(function);
        if (ConversationScope.Key is not { Length: > 0 } key)
        {
            return Refuse(context, TrajecktSession.Refusal(toolName, DecisionReason.NoCommitment,
                $"no_commitment: {toolName} is refused: the request has no conversation key (ChatOptions.ConversationId or TrajecktFunctionGateOptions.ConversationKey), so it has no stored session."));
        }
        // Which functions in a wrapper chain may be passed over is judged against the commitment, as in process.
        if (ToolFunctions.DecidableTarget(function, TrajecktSession.Create(manager.Commitment)) is not { } target)
        {
            using (s_refusesNested.Enter())
                return await InvokeSelfGatedAsync(context, cancellationToken).ConfigureAwait(false);
        }
        if (function.GetService<ApprovalRequiredAIFunction>() is not null && RequiresAuthorization(manager.Commitment, toolName))
            await manager.AuthorizeAsync(key, toolName, Trust.TrustedUser, cancellationToken).ConfigureAwait(false);

        var decision = await manager.BeginAsync(key, toolName, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
            return Refuse(context, decision);
        var report = TrajecktToolOutput.Begin();
        var completed = false;
        try
        {
            object? result;
            try
            {
                using (s_refusesNested.Enter())
                    result = await InvokeInnerAsync(context, target, cancellationToken).ConfigureAwait(false);
            }
            catch (TrajectoryViolationException e)
            {
                result = Refuse(context, e.Decision);
            }
            finally
            {
                TrajecktToolOutput.End();
            }
            completed = true;
            // Output whose reported taint the store did not take is withheld from the model: no later decision may miss it.
            if (await CompleteAsync(manager, key, decision, report).ConfigureAwait(false) is { } unrecorded)
            {
                return Refuse(context, TrajecktSession.Refusal(toolName, DecisionReason.StoreUnavailable,
                    $"store_unavailable: {toolName} ran at step {decision.Step}, but what its output reported could not be recorded, so the output is withheld: {unrecorded}"));
            }
            return result;
        }
        finally
        {
            if (!completed)
                await CompleteAsync(manager, key, decision, report).ConfigureAwait(false);
        }
    }

    private static async ValueTask<string?> CompleteAsync(TrajecktSessionManager manager, string key, Decision decision, ToolOutputReport report)
    {
        var (origin, labels) = report.Snapshot();
        try
        {
            // Not the caller's token: what the output carried is recorded even when the request was cancelled.
            await manager.CompleteAsync(key, decision, origin, labels, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (SessionStoreException e)
        {
            return e.Message;
        }
    }
}
