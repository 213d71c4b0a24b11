using Trajeckt.Sessions;

namespace Trajeckt.AgentFramework;

/// <summary>How <see cref="TrajecktAgent"/> keeps a Trajeckt session with each agent session.</summary>
public sealed class TrajecktAgentOptions
{
    /// <summary>
    /// Where the latest state of every agent session is also kept, so that a client presenting an older state of
    /// its own (a replay, to shed the taint it has gained since) is refused (<c>state_replayed</c>). Without a
    /// store a replay cannot be detected: the state's MAC proves only that this service wrote it.
    /// </summary>
    public TrajecktSessionManager? SessionManager { get; set; }

    /// <summary>The Trajeckt sessions' options (halting, logging); <see langword="null"/> for the defaults.</summary>
    public TrajecktOptions? SessionOptions { get; set; }
}
