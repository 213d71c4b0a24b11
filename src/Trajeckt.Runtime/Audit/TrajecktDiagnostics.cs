namespace Trajeckt;

/// <summary>
/// The names under which sessions publish audit data, for wiring up listeners (e.g. OpenTelemetry's
/// <c>AddSource</c> and <c>AddMeter</c>). Nothing is recorded or allocated on the allowed path unless
/// a listener subscribes.
/// </summary>
public static class TrajecktDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: decisions become events on the current activity when it is listened to.</summary>
    public const string ActivitySourceName = "Trajeckt";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "Trajeckt";

    /// <summary>The name of the activity event added for each call decision.</summary>
    public const string DecisionEventName = "trajeckt.decision";

    /// <summary>Counter of allowed calls.</summary>
    public const string AllowedCallsCounterName = "trajeckt.calls.allowed";

    /// <summary>Counter of refused calls, tagged with <see cref="ReasonTagName"/>.</summary>
    public const string RefusedCallsCounterName = "trajeckt.calls.refused";

    /// <summary>Counter of authorizations, tagged with <see cref="ResultTagName"/>.</summary>
    public const string AuthorizationsCounterName = "trajeckt.authorizations";

    /// <summary>The counter of calls a shadow-mode session let run although enforcement would have refused them, tagged with the reason.</summary>
    public const string WouldRefuseCounterName = "trajeckt.shadow.would_refuse";

    /// <summary>The tag carrying a refusal's reason code (e.g. <c>"flow"</c>).</summary>
    public const string ReasonTagName = "trajeckt.reason";

    /// <summary>The tag carrying an authorization's result: <c>"accepted"</c> or <c>"rejected"</c>.</summary>
    public const string ResultTagName = "trajeckt.result";

    /// <summary>The tag carrying the session's id.</summary>
    public const string SessionTagName = "trajeckt.session";

    /// <summary>The tag carrying the event's step.</summary>
    public const string StepTagName = "trajeckt.step";

    /// <summary>The tag carrying the tool's name.</summary>
    public const string ToolTagName = "trajeckt.tool";

    /// <summary>The tag carrying the decision: <c>"allow"</c> or <c>"deny"</c>.</summary>
    public const string DecisionTagName = "trajeckt.decision";
}
