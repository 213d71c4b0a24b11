using Trajeckt;

namespace SupportAgent;

/// <summary>Prints each session's call decisions as they are made (step, tool, decision, reason), the user's approvals, and a summary.</summary>
internal sealed class DecisionLog(TextWriter output, ConsoleStyle style)
{
    private readonly Dictionary<TrajecktSession, long> _printedUpTo = [];
    private readonly Dictionary<string, int> _refusalsByReason = new(StringComparer.Ordinal);
    private int _allowed;
    private int _approvalsGranted;
    private int _approvalsDenied;

    public int Allowed => _allowed;

    public IReadOnlyDictionary<string, int> RefusalsByReason => _refusalsByReason;

    public void WriteHeader() =>
        output.WriteLine(style.Quiet($"  {"step",4}  {"tool",-16} {"decision",-8} reason"));

    /// <summary>Prints the decisions the session made since the last call.</summary>
    public void WriteNewDecisions(TrajecktSession session)
    {
        var printed = _printedUpTo.GetValueOrDefault(session);
        foreach (var decision in session.GetRecentDecisions().Where(d => d.Step > printed))
        {
            Write(decision);
            printed = decision.Step;
        }
        _printedUpTo[session] = printed;
    }

    public void WriteApproval(string tool, bool approved)
    {
        if (approved)
            _approvalsGranted++;
        else
            _approvalsDenied++;
        var text = approved ? "the user approves this call: it is authorized by TrustedUser" : "the user denies this call: it does not run";
        output.WriteLine(style.Approval($"  {"",4}  {tool,-16} {(approved ? "approved" : "denied"),-8} {text}"));
    }

    public void WriteSummary()
    {
        var refused = _refusalsByReason.Values.Sum();
        var reasons = string.Join(", ", _refusalsByReason.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));
        output.WriteLine(style.Heading("Summary"));
        output.WriteLine($"  {_allowed + refused} tool calls decided: {style.Allowed($"{_allowed} allowed")}, {style.Refused($"{refused} refused")}{(refused > 0 ? $" ({reasons})" : "")}");
        output.WriteLine($"  {_approvalsGranted} approved by the user, {_approvalsDenied} denied");
    }

    private void Write(Decision decision)
    {
        if (decision.IsAllowed)
        {
            _allowed++;
            // In shadow mode a call enforcement would refuse runs; its message says why it would be refused.
            var shadow = decision.WouldRefuse ? $"{"",-3} {decision.Message}" : "";
            output.WriteLine($"  {decision.Step,4}  {decision.ToolName,-16} {style.Allowed("allow")}{shadow}");
            return;
        }
        var code = decision.Code ?? "refused";
        _refusalsByReason[code] = _refusalsByReason.GetValueOrDefault(code) + 1;
        output.WriteLine($"  {decision.Step,4}  {decision.ToolName,-16} {style.Refused($"{"DENY",-8}")} {decision.Message}");
    }
}
