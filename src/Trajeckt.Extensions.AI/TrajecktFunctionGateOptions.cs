using Microsoft.Extensions.AI;
using Trajeckt.Sessions;

namespace Trajeckt.Extensions.AI;

/// <summary>How <see cref="TrajecktChatClientBuilderExtensions.UseTrajeckt(Microsoft.Extensions.AI.ChatClientBuilder, Action{TrajecktFunctionGateOptions}?)"/> decides function calls.</summary>
public sealed class TrajecktFunctionGateOptions
{
    /// <summary>
    /// The session that decides every call. When <see langword="null"/>, <see cref="SessionProvider"/> is asked,
    /// then <see cref="TrajecktSession.Current"/>; with none of them every call is refused (<c>no_commitment</c>).
    /// </summary>
    public TrajecktSession? Session { get; set; }

    /// <summary>Gives the session for a call when <see cref="Session"/> is not set (for example one session per conversation).</summary>
    public Func<TrajecktSession?>? SessionProvider { get; set; }

    /// <summary>
    /// Sessions in a store (in memory, or Redis shared by replicas), one per conversation: when set, every call is
    /// decided by the manager in the session of the request's <see cref="ConversationKey"/>, and committed to the
    /// store before the function runs, so a conversation spread over requests and replicas keeps its taint.
    /// Cannot be combined with <see cref="Session"/> or <see cref="SessionProvider"/>.
    /// </summary>
    public TrajecktSessionManager? SessionManager { get; set; }

    /// <summary>
    /// With <see cref="SessionManager"/>: the conversation a request belongs to, read once when the request starts.
    /// Default: <see cref="ChatOptions.ConversationId"/>. It must stay the same for the whole conversation: where a
    /// service issues a new <see cref="ChatOptions.ConversationId"/> with every response, key by your own
    /// conversation id. A request with no key has no session: its calls are refused (<c>no_commitment</c>).
    /// </summary>
    public Func<IEnumerable<ChatMessage>, ChatOptions?, string?>? ConversationKey { get; set; }

    /// <summary>
    /// <see langword="true"/>: a refused call ends the function-calling loop (the response goes back to the caller
    /// with the refusal as the function's result). <see langword="false"/> (the default): the refusal goes back to
    /// the model as the function's result and the loop goes on.
    /// </summary>
    public bool TerminateOnRefusal { get; set; }

    /// <summary>
    /// <see langword="true"/> (the default): functions whose tool has a floor are offered to the model as
    /// <see cref="Microsoft.Extensions.AI.ApprovalRequiredAIFunction"/>, so the framework asks the user first; an
    /// approval becomes an authorization by <see cref="Trust.TrustedUser"/>. <see langword="false"/>: no approval is
    /// asked, and floored tools pass only when the session's integrity or an authorization made elsewhere allows them.
    /// </summary>
    public bool RequestApprovalForFlooredTools { get; set; } = true;
}
