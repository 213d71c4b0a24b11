namespace Trajeckt.Replay;

/// <summary>
/// One step of a recorded trace: an input, an authorization or a call, with the outcome the trace
/// expects. Instances come from <see cref="TraceReader"/> and are immutable.
/// </summary>
public sealed class TraceEvent
{
    private TraceEvent(
        TraceEventKind kind, int step, int line, int column, string? tool, Trust? trust, Trust? origin,
        IReadOnlyList<string>? labels, TraceExpectation? expect, string? expectedReason, string? session, bool shadow)
    {
        Session = session;
        Shadow = shadow;
        Kind = kind;
        Step = step;
        Line = line;
        Column = column;
        Tool = tool;
        Trust = trust;
        Origin = origin;
        Labels = labels;
        Expect = expect;
        ExpectedReason = expectedReason;
    }

    /// <summary>Whether this is an input, an authorization or a call.</summary>
    public TraceEventKind Kind { get; }

    /// <summary>The 1-based step: inputs, authorizations and calls count, notes and blank lines do not.</summary>
    public int Step { get; }

    /// <summary>The 1-based line of the trace file the event is on.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the event's opening brace.</summary>
    public int Column { get; }

    /// <summary>The tool called or authorized; <see langword="null"/> for an input.</summary>
    public string? Tool { get; }

    /// <summary>
    /// For an input, the trust of the content; for an authorization, the trust of the instruction
    /// (<c>by</c>); <see langword="null"/> for a call.
    /// </summary>
    public Trust? Trust { get; }

    /// <summary>For a call, the origin the tool reported for its output, if any; applied only if the call is allowed.</summary>
    public Trust? Origin { get; }

    /// <summary>For a call, the labels the tool reported for its output, if any; applied only if the call is allowed.</summary>
    public IReadOnlyList<string>? Labels { get; }

    /// <summary>The expected outcome (<c>expect</c>), if the line states one.</summary>
    public TraceExpectation? Expect { get; }

    /// <summary>The expected reason code (<c>reason</c>), if the line states one.</summary>
    public string? ExpectedReason { get; }

    /// <summary>
    /// The session the event belongs to (a decision log's <c>session</c> key), or <see langword="null"/>:
    /// replay runs the events of each session in a session of their own.
    /// </summary>
    public string? Session { get; }

    /// <summary>
    /// Whether the line was recorded by a session in shadow mode (a decision log's <c>shadow</c> key): replay
    /// runs that session in shadow mode too, and a call it would refuse replays as <c>deny</c>.
    /// </summary>
    public bool Shadow { get; }

    internal static TraceEvent Input(int step, int line, int column, Trust trust, string? session = null, bool shadow = false) =>
        new(TraceEventKind.Input, step, line, column, tool: null, trust, origin: null, labels: null, expect: null, expectedReason: null, session, shadow);

    internal static TraceEvent Authorize(
        int step, int line, int column, string tool, Trust by, TraceExpectation? expect, string? expectedReason, string? session = null, bool shadow = false) =>
        new(TraceEventKind.Authorize, step, line, column, tool, by, origin: null, labels: null, expect, expectedReason, session, shadow);

    internal static TraceEvent Call(
        int step, int line, int column, string tool, Trust? origin, IReadOnlyList<string>? labels, TraceExpectation? expect, string? expectedReason,
        string? session = null, bool shadow = false) =>
        new(TraceEventKind.Call, step, line, column, tool, trust: null, origin, labels, expect, expectedReason, session, shadow);
}
