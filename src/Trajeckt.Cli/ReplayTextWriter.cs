using System.Globalization;
using Trajeckt.Replay;

namespace Trajeckt.Cli;

/// <summary>
/// The text format: <c>step  event  tool  decision  reason  message</c> in columns, with a leading
/// <c>!</c> and what was expected where an expectation failed. For an input, the tool column holds the
/// input's trust. Text from the trace is escaped so it cannot drive the terminal.
/// </summary>
internal sealed class ReplayTextWriter(TextWriter output) : ReplayWriter
{
    public override void Write(ReplayResult result)
    {
        var traceEvent = result.Event;
        var subject = traceEvent.Kind == TraceEventKind.Input ? traceEvent.Trust.ToString()! : DisplayText.Escape(traceEvent.Tool!);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{(result.ExpectationHeld ? ' ' : '!')}{result.Step,5}  {EventName(traceEvent.Kind),-9}  {subject,-20}  {result.DecisionName,-8}  {result.Reason,-22}  {DisplayText.Escape(result.Message ?? "")}");
        if (!result.ExpectationHeld)
            line = line.TrimEnd() + $"  [expected {result.Expected}, got {result.Actual}]";
        output.WriteLine(line.TrimEnd());
    }

    internal static string EventName(TraceEventKind kind) => kind switch
    {
        TraceEventKind.Input => "input",
        TraceEventKind.Authorize => "authorize",
        _ => "call",
    };
}
