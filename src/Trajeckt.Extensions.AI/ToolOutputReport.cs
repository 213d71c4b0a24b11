namespace Trajeckt.Extensions.AI;

/// <summary>The origin and labels one invocation reported; parallel invocations each have their own.</summary>
internal sealed class ToolOutputReport
{
    private readonly Lock _gate = new();
    private readonly List<string> _labels = [];
    private Trust? _origin;

    public void LowerOrigin(Trust origin)
    {
        lock (_gate)
            _origin = _origin is { } current && current < origin ? current : origin;
    }

    public void AddLabels(IEnumerable<string> labels)
    {
        // Copied before taking the lock: the caller's enumerable may be slow or throw, and a throw belongs to the tool.
        var copy = labels.ToArray();
        lock (_gate)
            _labels.AddRange(copy);
    }

    public (Trust? Origin, IReadOnlyList<string>? Labels) Snapshot()
    {
        lock (_gate)
            return (_origin, _labels.Count == 0 ? null : _labels.ToArray());
    }
}
