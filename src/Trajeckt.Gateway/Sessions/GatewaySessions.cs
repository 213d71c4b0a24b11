using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Trajeckt.Gateway.Sessions;

/// <summary>
/// The gateway's sessions by MCP session id. A session is opened only when the MCP SDK starts a new
/// session for an initialize request; a session idle for longer than the timeout expires: it is
/// removed with its state, and its id is never served again (the SDK's own idle timeout is set to the
/// same value, so the client is told to start over).
/// With a shared session store the state is not here but in the store: an entry is this replica's
/// handle on it, and the SDK decides which ids are live (its own, or taken over through the store), so
/// an id this replica does not hold or let expire is adopted again instead of refused.
/// </summary>
internal sealed class GatewaySessions : IDisposable
{
    private readonly ConcurrentDictionary<string, GatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleTimeout;
    private readonly ITimer _sweeper;
    private readonly Func<string, GatewaySession>? _adopt;

    // adopt: with a shared store, makes this replica's entry for a live session it does not hold.
    public GatewaySessions(TimeProvider time, TimeSpan idleTimeout, Func<string, GatewaySession>? adopt = null)
    {
        _adopt = adopt;
        _time = time;
        _idleTimeout = idleTimeout;
        var period = TimeSpan.FromTicks(Math.Clamp(idleTimeout.Ticks / 2, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromMinutes(1).Ticks));
        _sweeper = time.CreateTimer(static state => ((GatewaySessions)state!).Sweep(), this, period, period);
    }

    public int Count => _sessions.Count;

    /// <summary>Opens the session of a new MCP session id.</summary>
    /// <exception cref="InvalidOperationException">The id is already open (the SDK never reuses one).</exception>
    public GatewaySession Open(string id, Func<string, GatewaySession> create)
    {
        var session = create(id);
        if (_adopt is not null)
            return _sessions[id] = session;
        if (!_sessions.TryAdd(id, session))
            throw new InvalidOperationException($"The MCP session id {id} is already open.");
        return session;
    }

    /// <summary>Finds a live session and marks it active; an expired one is dropped and reported as such.</summary>
    public bool TryUse(string? id, [NotNullWhen(true)] out GatewaySession? session, [NotNullWhen(false)] out string? problem)
    {
        if (string.IsNullOrEmpty(id))
        {
            session = null;
            problem = "the request carries no Mcp-Session-Id; initialize a session first";
            return false;
        }
        if (!_sessions.TryGetValue(id, out session) && _adopt is not null)
            session = _sessions.GetOrAdd(id, _adopt);
        if (session is null)
        {
            problem = $"the MCP session {id} is unknown or has expired; initialize a new session";
            return false;
        }
        var now = _time.GetTimestamp();
        if (IsExpired(session, now))
        {
            Drop(new KeyValuePair<string, GatewaySession>(id, session));
            if (_adopt is not null)
            {
                // Expired here only: the state is in the store, and the SDK still serves the id.
                session = _sessions.GetOrAdd(id, _adopt);
                session.Touch(now);
                problem = null;
                return true;
            }
            session = null;
            problem = $"the MCP session {id} expired after {_idleTimeout} idle; its state is dropped; initialize a new session";
            return false;
        }
        session.Touch(now);
        problem = null;
        return true;
    }

    /// <summary>Marks a live session active (any message of it counts); an expired session stays expired.</summary>
    public void Touch(string? id)
    {
        if (id is null || !_sessions.TryGetValue(id, out var session))
            return;
        var now = _time.GetTimestamp();
        if (!IsExpired(session, now))
            session.Touch(now);
    }

    /// <summary>Drops a session whose MCP session ended (deleted by its client, or closed by the SDK).</summary>
    public void Close(string id)
    {
        if (_sessions.TryGetValue(id, out var session))
            Drop(new KeyValuePair<string, GatewaySession>(id, session));
    }

    /// <summary>Finds a session for reading (the decisions endpoint) without marking it active.</summary>
    public bool TryPeek(string id, [NotNullWhen(true)] out GatewaySession? session) =>
        _sessions.TryGetValue(id, out session) && !IsExpired(session, _time.GetTimestamp());

    /// <summary>Drops every expired session with its state.</summary>
    public void Sweep()
    {
        var now = _time.GetTimestamp();
        foreach (var pair in _sessions)
        {
            if (IsExpired(pair.Value, now))
                Drop(pair);
        }
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        foreach (var pair in _sessions)
            Drop(pair);
    }

    private void Drop(KeyValuePair<string, GatewaySession> pair)
    {
        if (_sessions.TryRemove(pair))
            pair.Value.Enforcement.End();
    }

    private bool IsExpired(GatewaySession session, long now) =>
        _time.GetElapsedTime(session.LastActivityTicks, now) > _idleTimeout;
}
