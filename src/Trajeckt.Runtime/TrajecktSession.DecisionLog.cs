using Trajeckt.Audit;

namespace Trajeckt;

// The decision log's side of a session (docs/rollout.md): every event becomes a LogRecord copied into
// the log's ring under the session's lock, so a session's entries keep the order of its steps.
public sealed partial class TrajecktSession
{
    private void LogCall(in Decision decision, bool shadow)
    {
        if (_decisionLog is not { } log)
            return;
        var record = NewLogRecord(LogRecordKind.Call, decision.Step, shadow);
        record.Tool = decision.ToolName;
        record.Reason = decision.WouldRefuse ? decision.WouldRefuseReason : decision.Reason;
        record.Message = decision.Message;
        log.Enqueue(in record);
    }

    private void LogReport(long step, Trust? origin, IReadOnlyList<string>? labels)
    {
        if (_decisionLog is not { } log)
            return;
        var record = NewLogRecord(LogRecordKind.Report, step, shadow: false);
        record.Origin = origin;
        record.Labels = labels is null ? null : [.. labels];
        log.Enqueue(in record);
    }

    private void LogAuthorization(long step, string tool, Trust by, bool accepted, string message)
    {
        if (_decisionLog is not { } log)
            return;
        var record = NewLogRecord(LogRecordKind.Authorization, step, _shadow);
        record.Tool = tool;
        record.Trust = by;
        record.Reason = accepted ? DecisionReason.None : DecisionReason.AuthorizationRejected;
        record.Message = message;
        log.Enqueue(in record);
    }

    private void LogInput(long step, Trust trust)
    {
        if (_decisionLog is not { } log)
            return;
        var record = NewLogRecord(LogRecordKind.Input, step, _shadow);
        record.Trust = trust;
        log.Enqueue(in record);
    }

    // What every entry carries: a struct, so building it allocates nothing.
    private LogRecord NewLogRecord(LogRecordKind kind, long step, bool shadow) => new()
    {
        Kind = kind,
        SessionId = Id,
        Step = step,
        TimestampTicks = DateTime.UtcNow.Ticks,
        Shadow = shadow,
    };
}
