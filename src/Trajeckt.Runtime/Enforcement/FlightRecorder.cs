namespace Trajeckt.Enforcement;

/// <summary>The last <see cref="Capacity"/> call decisions of a session, in a ring preallocated at creation.</summary>
internal sealed class FlightRecorder
{
    public const int Capacity = 100;

    private readonly Decision[] _ring = new Decision[Capacity];
    private int _next;
    private int _count;

    /// <summary>Records a decision; the caller holds the session lock.</summary>
    public void Record(in Decision decision)
    {
        _ring[_next] = decision;
        _next = _next == Capacity - 1 ? 0 : _next + 1;
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
            copy[i] = _ring[(start + i) % Capacity];
        return copy;
    }
}
