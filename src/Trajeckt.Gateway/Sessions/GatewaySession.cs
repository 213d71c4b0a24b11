namespace Trajeckt.Gateway.Sessions;

/// <summary>The enforcement of one MCP session (<c>Mcp-Session-Id</c>) on this replica: what decides its calls, and its recent decisions here.</summary>
internal sealed class GatewaySession
{
    private readonly Lock _gate = new();
    private readonly Queue<GatewayDecision> _recent;
    private readonly int _capacity;
    private long _lastActivityTicks;

    public GatewaySession(string id, SessionEnforcement enforcement, int decisionHistory, long nowTicks)
    {
        Id = id;
        Enforcement = enforcement;
        _capacity = decisionHistory;
        _recent = new Queue<GatewayDecision>(Math.Min(decisionHistory, 128));
        _lastActivityTicks = nowTicks;
    }

    /// <summary>The MCP session id.</summary>
    public string Id { get; }

    /// <summary>What decides this MCP session's calls; no other MCP session shares it.</summary>
    public SessionEnforcement Enforcement { get; }

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
