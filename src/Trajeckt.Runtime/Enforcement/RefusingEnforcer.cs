namespace Trajeckt.Enforcement;

/// <summary>A session with no usable commitment: every call is refused at check 1, every authorization rejected.</summary>
internal sealed class RefusingEnforcer : SessionEnforcer
{
    private readonly string _cause;
    private readonly string _mode;

    public RefusingEnforcer(DecisionReason reason, string cause, string mode)
        : base(reason)
    {
        _cause = cause;
        _mode = mode;
    }

    public override string Mode => _mode;

    public override DecisionReason Decide(string? name, int indexHint, long step, out int toolIndex, out string? toolName)
    {
        toolIndex = -1;
        toolName = name;
        return UnavailableReason;
    }

    public override string DescribeRefusal(DecisionReason reason, string? name, int toolIndex, long step) =>
        $"{ReasonCodes.ToCode(reason)}: {Describe(name)} is refused at step {step}: {_cause}";

    public override void ApplyReported(string? toolName, long step, Trust? origin, IReadOnlyList<string>? labels)
    {
        // Nothing is ever allowed, so nothing is ever completed.
    }

    public override void AssumeWorstOutput(string? toolName, long step)
    {
    }

    public override bool Authorize(string? tool, Trust by, out string? toolName, out string message)
    {
        toolName = tool;
        message = $"authorization rejected: {Describe(tool)} cannot be authorized: {_cause}";
        return false;
    }

    public override void ObserveInput(Trust trust, long step)
    {
    }
}
