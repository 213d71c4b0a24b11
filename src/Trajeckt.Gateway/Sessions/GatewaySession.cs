namespace Trajeckt.Gateway.Sessions;

/// <summary>The enforcement state of one MCP session (<c>Mcp-Session-Id</c>): its own Trajeckt session and recent decisions.</summary>
internal sealed class GatewaySession
{
    private readonly Lock _gate = new();
    private readonly Queue<GatewayDecision> _recent;
    private readonly int _capacity;
    private long _lastActivityTicks;

    public GatewaySession(string id, TrajecktSession trajeckt, int decisionHistory, long nowTicks)
    {
        Id = id;
        Trajeckt = trajeckt;
        _capacity = decisionHistory;
        _recent = new Queue<GatewayDecision>(Math.Min(decisionHistory, 128));
        _lastActivityTicks = nowTicks;
    }

    /// <summary>The MCP session id.</summary>
    public string Id { get; }

    /// <summary>The session that decides this MCP session's calls; no other MCP session shares it.</summary>
    public TrajecktSession Trajeckt { get; }

    /// <summary>The last activity, as <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
    public long LastActivityTicks => Volatile.Read(ref _lastActivityTicks);

    public void Touch(long nowTicks) => Volatile.Write(ref _lastActivityTicks, nowTicks);

    public void Record(GatewayDecision decision)
    {
        lock (_gate)
        {
            if (_recent.Count == _capacity)
                _recent.Dequeue();
            _recent.Enqueue(decision);
        }
    }

    /// <summary>The recorded decisions, oldest first.</summary>
    public GatewayDecision[] RecentDecisions()
    {
        lock (_gate)
            return _recent.ToArray();
    }
}
