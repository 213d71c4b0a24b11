using System.Diagnostics.Metrics;

namespace Trajeckt.Audit;

/// <summary>The shadow-mode metric: calls that ran although enforcement would have refused them, by reason.</summary>
internal static class ShadowTelemetry
{
    private static readonly Meter s_meter = new(TrajecktDiagnostics.MeterName);
    private static readonly Counter<long> s_wouldRefuse = s_meter.CreateCounter<long>(
        TrajecktDiagnostics.WouldRefuseCounterName, "{call}", "Tool calls a shadow-mode Trajeckt session let run although enforcement would have refused them, by reason.");

    public static void RecordWouldRefuse(DecisionReason reason)
    {
        if (s_wouldRefuse.Enabled)
            s_wouldRefuse.Add(1, new KeyValuePair<string, object?>(TrajecktDiagnostics.ReasonTagName, ReasonCodes.ToCode(reason)));
    }
}
