using Microsoft.Extensions.Logging;

namespace Trajeckt.Sessions;

/// <summary>The session manager's log events; ids continue the session's (SessionLog).</summary>
internal static partial class SessionStoreLog
{
    [LoggerMessage(EventId = 20, EventName = "SessionStoreFailed", Level = LogLevel.Error,
        Message = "Session {SessionKey}: {Detail}; the event is refused")]
    public static partial void StoreFailed(ILogger logger, string sessionKey, string detail, Exception exception);
}
