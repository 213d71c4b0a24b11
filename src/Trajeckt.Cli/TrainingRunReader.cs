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
/// negative example as a whole. A call that a shadow-mode session would have refused but let run
/// (<c>"shadow": true</c>) is not a refusal: it is what the agent really does, and teaches like any other.
/// Every other run is benign. A trace is validated whole before it is used.
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

    /// <summary>
    /// Reads the runs of one file: the whole trace, or for a decision log each session (named
    /// <c>FILE#SESSION</c>).
    /// </summary>
    /// <exception cref="TraceFormatException">The trace is invalid.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IEnumerable<TrainingRun> Read(string path, bool labelledAttack)
    {
        TraceReader.ValidateFile(path);
        using var trace = TraceReader.Open(path);
        var runs = new Dictionary<string, (List<TrainingCall> Calls, bool Refused)>(StringComparer.Ordinal);
        var order = new List<string>();
        while (trace.Read() is { } traceEvent)
        {
            if (traceEvent.Kind != TraceEventKind.Call)
                continue;
            var name = RunName(path, traceEvent.Session);
            if (!runs.TryGetValue(name, out var run))
            {
                runs.Add(name, run = (new List<TrainingCall>(), false));
                order.Add(name);
            }
            if (run.Refused)
                continue;
            run.Calls.Add(new TrainingCall(traceEvent.Tool!, traceEvent.Step, traceEvent.Origin, traceEvent.Labels ?? Array.Empty<string>()));
            if (IsRecordedRefusal(traceEvent))
                runs[name] = (run.Calls, true);
        }
        if (order.Count == 0)
            return [new TrainingRun(path, Array.Empty<TrainingCall>(), labelledAttack)];
        return order.Select(name => new TrainingRun(name, runs[name].Calls, labelledAttack || runs[name].Refused)).ToList();
    }

    /// <summary>The name of the run an event belongs to.</summary>
    public static string RunName(string path, string? session) => session is null ? path : $"{path}#{session}";

    /// <summary>Whether the recording says this call was refused.</summary>
    public static bool IsRecordedRefusal(TraceEvent traceEvent) =>
        traceEvent.Kind == TraceEventKind.Call && !traceEvent.Shadow
        && (traceEvent.Expect == TraceExpectation.Deny || (traceEvent.Expect is null && traceEvent.ExpectedReason is not null));
}
