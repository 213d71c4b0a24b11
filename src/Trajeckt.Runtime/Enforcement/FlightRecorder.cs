using Trajeckt.Traj.Graph;

namespace Trajeckt.Enforcement;

/// <summary>
/// The last <see cref="Capacity"/> call decisions of a session. A session creates its recorder at its
/// first decision, and the rings grow by doubling until they hold <see cref="Capacity"/> entries, so a
/// session of a few calls holds a few entries (issue 13); from then on they are reused in place. An
/// allowed call of a declared tool writes no object reference (a tool index instead of its name, no
/// message), which keeps the GC write barrier off the allowed path.
/// </summary>
internal sealed class FlightRecorder
{
    public const int Capacity = 100;

    private const int InitialCapacity = 4;

    private readonly TrajecktSession _session;
    private readonly GraphTool[] _tools;
    private Entry[] _entries = new Entry[InitialCapacity];
    private string?[] _names = new string?[InitialCapacity];
    private string?[] _messages = new string?[InitialCapacity];
    private int _next;
    private int _count;

    public FlightRecorder(TrajecktSession session, CompiledGraph? graph)
    {
        _session = session;
        _tools = graph?.ToolArray ?? [];
    }

    /// <summary>Records a decision; the caller holds the session lock.</summary>
    public void Record(long step, int toolIndex, string? toolName, DecisionReason reason, string? message, DecisionReason wouldRefuse)
    {
        var slot = _next;
        if (slot == _entries.Length && slot < Capacity)
            Grow();
        _entries[slot] = new Entry(step, toolIndex, reason, wouldRefuse);
        if (toolIndex < 0)
            _names[slot] = toolName;
        else
            _names[slot] = null;
        if (message is not null)
            _messages[slot] = message;
        else
            _messages[slot] = null;
        _next = slot == Capacity - 1 ? 0 : slot + 1;
        if (_count < Capacity)
            _count++;
    }

    /// <summary>Copies the recorded decisions, oldest first; the caller holds the session lock.</summary>
    public Decision[] Snapshot()
    {
        var copy = new Decision[_count];
        var start = _next - _count;
        if (start < 0)
            start += Capacity;
        for (var i = 0; i < _count; i++)
        {
            var slot = (start + i) % Capacity;
            var entry = _entries[slot];
            var name = entry.ToolIndex >= 0 ? _tools[entry.ToolIndex].Name : _names[slot];
            copy[i] = new Decision(_session, entry.Step, name, entry.Reason, _messages[slot], entry.WouldRefuse);
        }
        return copy;
    }

    // Before the rings reach Capacity they never wrap (slot i holds the i-th decision), so growing keeps the order.
    private void Grow()
    {
        var length = Math.Min(_entries.Length * 2, Capacity);
        Array.Resize(ref _entries, length);
        Array.Resize(ref _names, length);
        Array.Resize(ref _messages, length);
    }

    // WouldRefuse: the reason a shadow session let the call run despite (None otherwise).
    private readonly record struct Entry(long Step, int ToolIndex, DecisionReason Reason, DecisionReason WouldRefuse);
}
