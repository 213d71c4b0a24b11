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
