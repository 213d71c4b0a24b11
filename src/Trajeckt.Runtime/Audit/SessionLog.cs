using Microsoft.Extensions.Logging;

namespace Trajeckt.Audit;

/// <summary>The session's log events. Event ids are stable: dashboards and alerts key on them.</summary>
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 1, EventName = "CallAllowed", Level = LogLevel.Debug,
        Message = "Session {SessionId} step {Step}: {Tool} allowed")]
    public static partial void CallAllowed(ILogger logger, string sessionId, long step, string? tool);

    [LoggerMessage(EventId = 2, EventName = "CallRefused", Level = LogLevel.Warning,
        Message = "Session {SessionId} step {Step}: {Tool} refused ({Reason}): {Detail}")]
    public static partial void CallRefused(ILogger logger, string sessionId, long step, string? tool, string? reason, string? detail);

    [LoggerMessage(EventId = 3, EventName = "AuthorizationAccepted", Level = LogLevel.Information,
        Message = "Session {SessionId} step {Step}: {Detail}")]
    public static partial void AuthorizationAccepted(ILogger logger, string sessionId, long step, string? detail);

    [LoggerMessage(EventId = 4, EventName = "AuthorizationRejected", Level = LogLevel.Warning,
        Message = "Session {SessionId} step {Step}: {Detail}")]
    public static partial void AuthorizationRejected(ILogger logger, string sessionId, long step, string? detail);

    [LoggerMessage(EventId = 5, EventName = "InputObserved", Level = LogLevel.Debug,
        Message = "Session {SessionId} step {Step}: input of trust {Trust}")]
    public static partial void InputObserved(ILogger logger, string sessionId, long step, Trust trust);

    [LoggerMessage(EventId = 6, EventName = "SessionHalted", Level = LogLevel.Error,
        Message = "Session {SessionId} halted at step {Step} after a {Reason} violation; every later call is refused")]
    public static partial void SessionHalted(ILogger logger, string sessionId, long step, string? reason);

    [LoggerMessage(EventId = 7, EventName = "SessionStarted", Level = LogLevel.Information,
        Message = "Session {SessionId} started: {Mode}")]
    public static partial void SessionStarted(ILogger logger, string sessionId, string mode);

    [LoggerMessage(EventId = 8, EventName = "SessionEnded", Level = LogLevel.Information,
        Message = "Session {SessionId} ended after step {Step}; every later call is refused")]
    public static partial void SessionEnded(ILogger logger, string sessionId, long step);

    [LoggerMessage(EventId = 9, EventName = "ShadowSessionStarted", Level = LogLevel.Warning,
        Message = "Session {SessionId} runs in SHADOW MODE: {Note}")]
    public static partial void ShadowSessionStarted(ILogger logger, string sessionId, string note);

    [LoggerMessage(EventId = 10, EventName = "CallWouldBeRefused", Level = LogLevel.Warning,
        Message = "Session {SessionId} step {Step}: {Tool} would be refused ({Reason}) and runs in shadow mode: {Detail}")]
    public static partial void CallWouldBeRefused(ILogger logger, string sessionId, long step, string? tool, string? reason, string? detail);
}
