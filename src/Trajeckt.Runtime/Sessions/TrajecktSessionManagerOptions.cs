namespace Trajeckt.Sessions;

/// <summary>How a <see cref="TrajecktSessionManager"/> uses its store.</summary>
public sealed class TrajecktSessionManagerOptions
{
    /// <summary>
    /// How many times one event loads, decides and compare-and-sets before it gives up and refuses
    /// with <c>store_unavailable</c>. Default 16; conflicts only happen when replicas decide the same
    /// session at the same moment.
    /// </summary>
    public int MaxAttempts { get; set; } = 16;

    /// <summary>How long one event may take in the store, all attempts together, before it is refused. Default 5 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether a key with no stored state is refused (<c>state_invalid</c>) instead of starting a fresh
    /// session. Default <see langword="false"/>. Set it where sessions are created explicitly with
    /// <see cref="TrajecktSessionManager.StartAsync"/> (the gateway's MCP sessions): a state that
    /// expired or was lost with a store restart then refuses the session's calls rather than silently
    /// continuing the conversation with no taint.
    /// </summary>
    public bool RequireStartedSessions { get; set; }
}
