using System.Globalization;
using System.Text;
using Trajeckt.Replay;

namespace Trajeckt.Cli;

/// <summary>Counts a replay's outcomes and expectations for the summary line; holds no result.</summary>
internal sealed class ReplayTally
{
    private readonly int[] _decisions = new int[Enum.GetValues<ReplayDecision>().Length];
    private int _steps;
    private int _checked;
    private int _firstFailedStep;

    /// <summary>How many expectations did not hold.</summary>
    public int Failed { get; private set; }

    public void Add(ReplayResult result)
    {
        _steps++;
        _decisions[(int)result.Decision]++;
        if (result.Expected is not null)
            _checked++;
        if (!result.ExpectationHeld && Failed++ == 0)
            _firstFailedStep = result.Step;
    }

    /// <summary>E.g. <c>replay Support: 7 steps (4 allowed, 3 denied); all 7 expectations held</c>; counts of zero are left out.</summary>
    public string Summary(string trajectory)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"replay {DisplayText.Escape(trajectory)}: {Count(_steps, "step")}");
        var counts = new[]
        {
            (_decisions[(int)ReplayDecision.Allow], "allowed"),
            (_decisions[(int)ReplayDecision.Deny], "denied"),
            (_decisions[(int)ReplayDecision.Accepted], "accepted"),
            (_decisions[(int)ReplayDecision.Rejected], "rejected"),
            (_decisions[(int)ReplayDecision.Input], _decisions[(int)ReplayDecision.Input] == 1 ? "input" : "inputs"),
        }.Where(c => c.Item1 > 0).Select(c => $"{c.Item1} {c.Item2}").ToList();
        if (counts.Count > 0)
            text.Append(" (").Append(string.Join(", ", counts)).Append(')');
        text.Append("; ");
        text.Append(Failed == 0
            ? _checked == 0 ? "no expectations" : $"all {Count(_checked, "expectation")} held"
            : $"{Failed} of {Count(_checked, "expectation")} failed, the first at step {_firstFailedStep}");
        return text.ToString();
    }

    /// <summary>E.g. <c>trace.jsonl(5,1): expectation failed: step 5, call send_email: expected deny (flow), got allow</c>.</summary>
    public static string DescribeFailure(string tracePath, ReplayResult result)
    {
        var traceEvent = result.Event;
        var what = traceEvent.Tool is null ? ReplayTextWriter.EventName(traceEvent.Kind) : $"{ReplayTextWriter.EventName(traceEvent.Kind)} {DisplayText.Escape(traceEvent.Tool)}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{tracePath}({traceEvent.Line},{traceEvent.Column}): expectation failed: step {result.Step}, {what}: expected {result.Expected}, got {result.Actual}");
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
