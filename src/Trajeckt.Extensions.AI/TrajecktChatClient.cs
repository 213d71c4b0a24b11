using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Trajeckt.Extensions.AI;

/// <summary>
/// The chat client UseTrajeckt adds in front of a <see cref="FunctionInvokingChatClient"/>: it installs the
/// Trajeckt gate as that client's function invoker, so every function call it makes is decided by the session,
/// and offers functions whose tool has a floor as <see cref="ApprovalRequiredAIFunction"/>, so the framework asks
/// the user before running them.
/// </summary>
public sealed class TrajecktChatClient : DelegatingChatClient
{
    private readonly TrajecktFunctionGateOptions _options;

    /// <summary>Wraps <paramref name="innerClient"/>, which must be or contain a <see cref="FunctionInvokingChatClient"/>.</summary>
    /// <param name="innerClient">The next client of the pipeline.</param>
    /// <param name="options">How calls are decided.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// <paramref name="innerClient"/> has no <see cref="FunctionInvokingChatClient"/> (UseTrajeckt was called after
    /// UseFunctionInvocation, or without it), or its function invoker is already a Trajeckt gate.
    /// </exception>
    public TrajecktChatClient(IChatClient innerClient, TrajecktFunctionGateOptions options)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SessionManager is not null && (options.Session is not null || options.SessionProvider is not null))
            throw new InvalidOperationException("UseTrajeckt(): set either SessionManager (stored sessions by conversation) or Session/SessionProvider, not both: a call must have exactly one session.");
        _options = options;
        var invoking = innerClient.GetService<FunctionInvokingChatClient>() ?? throw new InvalidOperationException(
            "UseTrajeckt() found no FunctionInvokingChatClient after it in the pipeline, so function calls would run undecided. "
            + "Call UseTrajeckt() before UseFunctionInvocation(): the builder applies the first call outermost.");
        if (invoking.FunctionInvoker?.Target is FunctionGate)
            throw new InvalidOperationException("UseTrajeckt() is already applied to this FunctionInvokingChatClient; deciding each call twice would count it twice.");
        invoking.FunctionInvoker = new FunctionGate(options, invoking.FunctionInvoker).InvokeAsync;
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using (ConversationScope.Enter(_options, messages, options))
            return await base.GetResponseAsync(messages, WithApprovalRequests(options), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var key = ConversationScope.KeyOf(_options, messages, options);
        await using var updates = base.GetStreamingResponseAsync(messages, WithApprovalRequests(options), cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            // An iterator resumes in its consumer's context: the key is set again for each step of the inner loop.
            bool more;
            using (ConversationScope.Enter(key))
                more = await updates.MoveNextAsync().ConfigureAwait(false);
            if (!more)
                yield break;
            yield return updates.Current;
        }
    }

    // The caller's options are never changed: a copy carries the approval-required functions.
    private ChatOptions? WithApprovalRequests(ChatOptions? options)
    {
        if (!_options.RequestApprovalForFlooredTools || options?.Tools is not { Count: > 0 } tools)
            return options;
        var commitment = _options.SessionManager?.Commitment ?? FunctionGate.ResolveSession(_options).Commitment;
        List<AITool>? replaced = null;
        for (var i = 0; i < tools.Count; i++)
        {
            if (tools[i] is AIFunction function && function.GetService<ApprovalRequiredAIFunction>() is null
                && FunctionGate.RequiresAuthorization(commitment, ToolFunctions.ToolName(function)))
            {
                replaced ??= [.. tools];
                replaced[i] = new ApprovalRequiredAIFunction(function);
            }
        }
        if (replaced is null)
            return options;
        var copy = options.Clone();
        copy.Tools = replaced;
        return copy;
    }
}
