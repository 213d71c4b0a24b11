using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Trajeckt.Audit;

/// <summary>The process-wide activity source and meter; every method returns at once when nobody listens.</summary>
internal static class DecisionTelemetry
{
    private static readonly ActivitySource s_source = new(TrajecktDiagnostics.ActivitySourceName);
    private static readonly Meter s_meter = new(TrajecktDiagnostics.MeterName);
    private static readonly Counter<long> s_allowed = s_meter.CreateCounter<long>(
        TrajecktDiagnostics.AllowedCallsCounterName, "{call}", "Tool calls a Trajeckt session allowed.");
    private static readonly Counter<long> s_refused = s_meter.CreateCounter<long>(
        TrajecktDiagnostics.RefusedCallsCounterName, "{call}", "Tool calls a Trajeckt session refused, by reason.");
    private static readonly Counter<long> s_authorizations = s_meter.CreateCounter<long>(
        TrajecktDiagnostics.AuthorizationsCounterName, "{authorization}", "Authorizations a Trajeckt session accepted or rejected.");

    /// <summary>Whether anyone listens to call decisions: a cheap check that keeps the allowed path free of audit work.</summary>
    public static bool IsListening => s_allowed.Enabled || s_refused.Enabled || s_source.HasListeners();

    public static void RecordCall(string sessionId, in Decision decision)
    {
        if (decision.IsAllowed)
        {
            if (s_allowed.Enabled)
                s_allowed.Add(1);
        }
        else if (s_refused.Enabled)
        {
            s_refused.Add(1, new KeyValuePair<string, object?>(TrajecktDiagnostics.ReasonTagName, decision.Code));
        }

        if (s_source.HasListeners() && Activity.Current is { IsAllDataRequested: true } activity)
        {
            activity.AddEvent(new ActivityEvent(TrajecktDiagnostics.DecisionEventName, tags: new ActivityTagsCollection
            {
                { TrajecktDiagnostics.SessionTagName, sessionId },
                { TrajecktDiagnostics.StepTagName, decision.Step },
                { TrajecktDiagnostics.ToolTagName, decision.ToolName },
                { TrajecktDiagnostics.DecisionTagName, decision.IsAllowed ? "allow" : "deny" },
                { TrajecktDiagnostics.ReasonTagName, decision.Code },
            }));
        }
    }

    public static void RecordAuthorization(bool accepted)
    {
        if (s_authorizations.Enabled)
            s_authorizations.Add(1, new KeyValuePair<string, object?>(TrajecktDiagnostics.ResultTagName, accepted ? "accepted" : "rejected"));
    }
}
