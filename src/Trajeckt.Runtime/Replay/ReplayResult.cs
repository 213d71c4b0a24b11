namespace Trajeckt.Replay;

/// <summary>The outcome of one step of a replayed trace, and whether it is what the trace expected.</summary>
public sealed class ReplayResult
{
    internal ReplayResult(TraceEvent traceEvent, ReplayDecision decision, string? reason, string? message)
    {
        Event = traceEvent;
        Decision = decision;
        Reason = reason;
        Message = string.IsNullOrEmpty(message) ? null : message;
        ExpectationHeld = Holds(traceEvent, decision, reason);
    }

    /// <summary>The trace event that was replayed.</summary>
    public TraceEvent Event { get; }

    /// <summary>The 1-based step of the event in the trace.</summary>
    public int Step => Event.Step;

    /// <summary>What the session decided.</summary>
    public ReplayDecision Decision { get; }

    /// <summary>The decision's lowercase name, as traces and the CLI spell it: <c>allow</c>, <c>deny</c>, <c>accepted</c>, <c>rejected</c> or <c>input</c>.</summary>
    public string DecisionName => NameOf(Decision);

    /// <summary>The reason code of a refusal or a rejection (e.g. <c>flow</c>); <see langword="null"/> otherwise.</summary>
    public string? Reason { get; }

    /// <summary>The session's explanation, if it gave one.</summary>
    public string? Message { get; }

    /// <summary>Whether the outcome matches the event's <c>expect</c> and <c>reason</c>; <see langword="true"/> when it states neither.</summary>
    public bool ExpectationHeld { get; }

    /// <summary>
    /// The expectation as the trace states it, e.g. <c>deny (flow)</c>; <see langword="null"/> when it
    /// states none. A <c>reason</c> without <c>expect</c> implies a refusal or a rejection.
    /// </summary>
    public string? Expected => Event.Expect switch
    {
        { } expect => Describe(NameOf(expect), Event.ExpectedReason),
        null when Event.ExpectedReason is not null =>
            Describe(Event.Kind == TraceEventKind.Call ? "deny" : "rejected", Event.ExpectedReason),
        null => null,
    };

    /// <summary>The outcome in the same words as <see cref="Expected"/>, e.g. <c>allow</c> or <c>deny (floor)</c>.</summary>
    public string Actual => Describe(DecisionName, Reason);

    private static bool Holds(TraceEvent traceEvent, ReplayDecision decision, string? reason)
    {
        var decisionHolds = traceEvent.Expect switch
        {
            null => true,
            TraceExpectation.Allow => decision == ReplayDecision.Allow,
            TraceExpectation.Deny => decision == ReplayDecision.Deny,
            TraceExpectation.Accepted => decision == ReplayDecision.Accepted,
            TraceExpectation.Rejected => decision == ReplayDecision.Rejected,
            _ => false,
        };
        var reasonHolds = traceEvent.ExpectedReason is null || string.Equals(traceEvent.ExpectedReason, reason, StringComparison.Ordinal);
        return decisionHolds && reasonHolds;
    }

    private static string Describe(string decision, string? reason) =>
        reason is null ? decision : $"{decision} ({reason})";

    private static string NameOf(ReplayDecision decision) => decision switch
    {
        ReplayDecision.Input => "input",
        ReplayDecision.Allow => "allow",
        ReplayDecision.Deny => "deny",
        ReplayDecision.Accepted => "accepted",
        ReplayDecision.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    private static string NameOf(TraceExpectation expectation) => expectation switch
    {
        TraceExpectation.Allow => "allow",
        TraceExpectation.Deny => "deny",
        TraceExpectation.Accepted => "accepted",
        TraceExpectation.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(expectation), expectation, null),
    };
}
