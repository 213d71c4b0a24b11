using Microsoft.Extensions.AI;

namespace Trajeckt.Extensions.AI;

/// <summary>Adds Trajeckt enforcement to a Microsoft.Extensions.AI chat pipeline.</summary>
public static class TrajecktChatClientBuilderExtensions
{
    /// <summary>
    /// Decides every function call of the pipeline's <see cref="FunctionInvokingChatClient"/> with a Trajeckt
    /// session. Call it before <c>UseFunctionInvocation()</c>; building a pipeline without a function-invoking
    /// client after it throws.
    /// </summary>
    /// <param name="builder">The pipeline's builder.</param>
    /// <param name="configure">Sets the options (which session, termination, approvals); <see langword="null"/> for the defaults, which use <see cref="TrajecktSession.Current"/>.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ChatClientBuilder UseTrajeckt(this ChatClientBuilder builder, Action<TrajecktFunctionGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner =>
        {
            var options = new TrajecktFunctionGateOptions();
            configure?.Invoke(options);
            return new TrajecktChatClient(inner, options);
        });
    }

    /// <summary>
    /// Decides every function call of the pipeline's <see cref="FunctionInvokingChatClient"/> in the stored session of
    /// the request's conversation (by default <see cref="ChatOptions.ConversationId"/>; see
    /// <see cref="TrajecktFunctionGateOptions.ConversationKey"/>), so a conversation spread over requests, processes
    /// and replicas sharing the store keeps one session. Call it before <c>UseFunctionInvocation()</c>.
    /// </summary>
    /// <param name="builder">The pipeline's builder.</param>
    /// <param name="sessions">The sessions' manager, over the store (in memory, or Redis shared by replicas).</param>
    /// <param name="configure">Sets the other options, e.g. the conversation key; <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="sessions"/> is <see langword="null"/>.</exception>
    public static ChatClientBuilder UseTrajeckt(this ChatClientBuilder builder, Trajeckt.Sessions.TrajecktSessionManager sessions, Action<TrajecktFunctionGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sessions);
        return builder.UseTrajeckt(options =>
        {
            configure?.Invoke(options);
            options.SessionManager = sessions;
        });
    }

    /// <summary>
    /// Decides every function call of the pipeline's <see cref="FunctionInvokingChatClient"/> with
    /// <paramref name="session"/>. Call it before <c>UseFunctionInvocation()</c>.
    /// </summary>
    /// <param name="builder">The pipeline's builder.</param>
    /// <param name="session">The session that decides every call.</param>
    /// <param name="configure">Sets the other options; <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="session"/> is <see langword="null"/>.</exception>
    public static ChatClientBuilder UseTrajeckt(this ChatClientBuilder builder, TrajecktSession session, Action<TrajecktFunctionGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(session);
        return builder.UseTrajeckt(options =>
        {
            configure?.Invoke(options);
            options.Session = session;
        });
    }
}
