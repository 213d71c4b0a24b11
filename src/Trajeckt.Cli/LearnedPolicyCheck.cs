using Trajeckt.Replay;
using Trajeckt.Traj;

namespace Trajeckt.Cli;

/// <summary>
/// Replays every recorded run through the learned policy with the runtime's own sessions: a benign run
/// must have no refused call; a negative run must be refused at or before the call its recording
/// refused (anywhere, for a labelled attack).
/// </summary>
internal static class LearnedPolicyCheck
{
    /// <summary>The number of runs that failed; each failure is written to standard error.</summary>
    public static int Check(CompiledTrajectory trajectory, IReadOnlyList<(string Path, bool Attack)> files, CliContext context)
    {
        var runner = new TraceRunner(trajectory);
        var failures = 0;
        foreach (var (path, attack) in files)
        {
            // Per run: a trace file, or one session of a decision log.
            var refusedAt = new Dictionary<string, int>(StringComparer.Ordinal);
            var recordedRefusalAt = new Dictionary<string, int>(StringComparer.Ordinal);
            var runs = new List<string>();
            foreach (var result in runner.RunFile(path))
            {
                if (result.Event.Kind != TraceEventKind.Call)
                    continue;
                var run = TrainingRunReader.RunName(path, result.Event.Session);
                if (!runs.Contains(run))
                    runs.Add(run);
                if (result.Decision == ReplayDecision.Deny)
                    refusedAt.TryAdd(run, result.Step);
                if (TrainingRunReader.IsRecordedRefusal(result.Event))
                    recordedRefusalAt.TryAdd(run, result.Step);
            }
            foreach (var run in runs)
            {
                var refused = refusedAt.TryGetValue(run, out var at) ? at : -1;
                var recorded = recordedRefusalAt.TryGetValue(run, out var r) ? r : -1;
                var negative = attack || recorded >= 0;
                if (!negative && refused >= 0)
                {
                    failures++;
                    context.Error.WriteLine($"{run}: benign run refused at step {refused} by the learned policy");
                }
                else if (negative && (refused < 0 || (recorded >= 0 && refused > recorded)))
                {
                    failures++;
                    var where = recorded >= 0 ? $" at or before step {recorded}" : "";
                    context.Error.WriteLine($"{run}: negative run not refused{where} by the learned policy");
                }
            }
        }
        return failures;
    }
}
