namespace Trajeckt.Replay;

/// <summary>The outcome a trace line expects (its <c>expect</c> value).</summary>
public enum TraceExpectation
{
    /// <summary><c>"allow"</c>: the call is allowed.</summary>
    Allow,

    /// <summary><c>"deny"</c>: the call is refused.</summary>
    Deny,

    /// <summary><c>"accepted"</c>: the authorization is accepted.</summary>
    Accepted,

    /// <summary><c>"rejected"</c>: the authorization is rejected.</summary>
    Rejected,
}
