namespace Trajeckt.Audit;

/// <summary>What a session hands the decision log on its own thread: references and numbers only, copied into a preallocated ring.</summary>
internal struct LogRecord
{
    public LogRecordKind Kind;
    public string SessionId;
    public long Step;
    public long TimestampTicks;
    public string? Tool;
    public DecisionReason Reason;
    public string? Message;
    public Trust Trust;
    public Trust? Origin;
    public IReadOnlyList<string>? Labels;
    public bool Shadow;
}

internal enum LogRecordKind : byte
{
    Call,
    Report,
    Authorization,
    Input,
}
