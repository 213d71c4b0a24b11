namespace Trajeckt.Replay;

/// <summary>
/// The session options a trace asks for on its first line,
/// <c>{"options": {"heuristic": true, "halt_on_violation": true}}</c>; both default to <see langword="false"/>.
/// </summary>
public sealed class TraceOptions
{
    /// <summary>The options of a trace without an options line.</summary>
    public static TraceOptions Default { get; } = new(heuristic: false, haltOnViolation: false);

    /// <summary>Creates trace options.</summary>
    /// <param name="heuristic">Whether the session runs with no graph, in heuristic mode.</param>
    /// <param name="haltOnViolation">Whether the first refused call halts the session.</param>
    public TraceOptions(bool heuristic, bool haltOnViolation)
    {
        Heuristic = heuristic;
        HaltOnViolation = haltOnViolation;
    }

    /// <summary>Whether the session runs with no graph, in heuristic mode (<c>"heuristic"</c>).</summary>
    public bool Heuristic { get; }

    /// <summary>Whether the first refused call halts the session (<c>"halt_on_violation"</c>).</summary>
    public bool HaltOnViolation { get; }
}
