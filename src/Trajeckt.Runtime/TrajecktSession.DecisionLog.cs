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
        var record = new LogRecord
        {
            Kind = LogRecordKind.Call,
            SessionId = Id,
            Step = decision.Step,
            TimestampTicks = DateTime.UtcNow.Ticks,
            Tool = decision.ToolName,
            Reason = decision.WouldRefuse ? decision.WouldRefuseReason : decision.Reason,
            Message = decision.Message,
            Shadow = shadow,
        };
        log.Enqueue(in record);
    }

    private void LogReport(long step, Trust? origin, IReadOnlyList<string>? labels)
    {
        if (_decisionLog is not { } log)
            return;
        var record = new LogRecord
        {
            Kind = LogRecordKind.Report,
            SessionId = Id,
            Step = step,
            TimestampTicks = DateTime.UtcNow.Ticks,
            Origin = origin,
            Labels = labels is null ? null : [.. labels],
        };
        log.Enqueue(in record);
    }

    private void LogAuthorization(long step, string tool, Trust by, bool accepted, string message)
    {
        if (_decisionLog is not { } log)
            return;
        var record = new LogRecord
        {
            Kind = LogRecordKind.Authorization,
            SessionId = Id,
            Step = step,
            TimestampTicks = DateTime.UtcNow.Ticks,
            Tool = tool,
            Trust = by,
            Reason = accepted ? DecisionReason.None : DecisionReason.AuthorizationRejected,
            Message = message,
            Shadow = _shadow,
        };
        log.Enqueue(in record);
    }

    private void LogInput(long step, Trust trust)
    {
        if (_decisionLog is not { } log)
            return;
        var record = new LogRecord
        {
            Kind = LogRecordKind.Input,
            SessionId = Id,
            Step = step,
            TimestampTicks = DateTime.UtcNow.Ticks,
            Trust = trust,
            Shadow = _shadow,
        };
        log.Enqueue(in record);
    }
}
