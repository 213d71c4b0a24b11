namespace Trajeckt.Gateway.Sessions;

/// <summary>Where the gateway keeps its sessions' state (<c>Gateway:SessionStore</c>).</summary>
public enum GatewaySessionStore
{
    /// <summary>In this process (the default): a client must keep talking to the replica that initialized its session.</summary>
    Process,

    /// <summary>
    /// In Redis (section <c>Trajeckt:SessionStore:Redis</c>): every replica continues every session, each call
    /// decided linearizably on the shared state; a store that does not answer refuses the call.
    /// </summary>
    Redis,
}
