namespace Trajeckt.Gateway.Sessions;

/// <summary>
/// One tools/call of a session as the gateway recorded it: the runtime's decision and, for an allowed
/// call, what the upstream did with it.
/// </summary>
/// <param name="Step">The decision's step in its Trajeckt session.</param>
/// <param name="Tool">The tool's name as the client called it.</param>
/// <param name="Outcome"><c>allowed</c>, <c>refused</c>, or <c>allowed_then_failed</c> (decided, then the upstream failed or timed out).</param>
/// <param name="Code">The refusal's reason code, or <see langword="null"/>.</param>
/// <param name="Message">The refusal's or the failure's message, or <see langword="null"/>.</param>
/// <param name="At">When the call was decided.</param>
public sealed record GatewayDecision(long Step, string? Tool, string Outcome, string? Code, string? Message, DateTimeOffset At)
{
    /// <summary>The call was allowed and the upstream answered.</summary>
    public const string Allowed = "allowed";

    /// <summary>The call was refused and never reached the upstream.</summary>
    public const string Refused = "refused";

    /// <summary>The call was allowed, then the upstream failed or timed out: the client got an error.</summary>
    public const string AllowedThenFailed = "allowed_then_failed";
}
