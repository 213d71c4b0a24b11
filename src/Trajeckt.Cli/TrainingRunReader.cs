using Trajeckt.Replay;
using Trajeckt.Traj.Learning;

namespace Trajeckt.Cli;

/// <summary>
/// Reads recorded runs for <c>trajeckt learn</c>: trace files (docs/semantics.md, traces) named directly or found in
/// folders (<c>*.jsonl</c>, every level, ordinal path order). Each file is one run.
/// </summary>
/// <remarks>
/// A run with a call the recording refused (<c>"expect": "deny"</c>, or a <c>reason</c> without
/// <c>expect</c>) is a negative example: the calls up to and including the first refused one must be
/// refused by the learned policy too. A file given as <c>--negative</c> (a labelled attack) is a
/// negative example as a whole. Every other run is benign. A trace is validated whole before it is used.
/// </remarks>
internal static class TrainingRunReader
{
    /// <summary>The trace files <paramref name="paths"/> name, each a file or a folder; null after writing why not.</summary>
    public static List<string>? ExpandPaths(IEnumerable<string> paths, CliContext context)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.jsonl", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                context.Fail($"{path}: file or folder not found");
                return null;
            }
        }
        return files;
    }

    /// <summary>Reads one run.</summary>
    /// <exception cref="TraceFormatException">The trace is invalid.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TrainingRun Read(string path, bool labelledAttack)
    {
        TraceReader.ValidateFile(path);
        using var trace = TraceReader.Open(path);
        var calls = new List<TrainingCall>();
        var refused = false;
        while (trace.Read() is { } traceEvent)
        {
            if (traceEvent.Kind != TraceEventKind.Call)
                continue;
            calls.Add(new TrainingCall(traceEvent.Tool!, traceEvent.Step, traceEvent.Origin, traceEvent.Labels ?? Array.Empty<string>()));
            if (IsRecordedRefusal(traceEvent))
            {
                refused = true;
                break;
            }
        }
        return new TrainingRun(path, calls, labelledAttack || refused);
    }

    /// <summary>Whether the recording says this call was refused.</summary>
    public static bool IsRecordedRefusal(TraceEvent traceEvent) =>
        traceEvent.Kind == TraceEventKind.Call
        && (traceEvent.Expect == TraceExpectation.Deny || (traceEvent.Expect is null && traceEvent.ExpectedReason is not null));
}
