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
            var refusedAt = -1;
            var recordedRefusalAt = -1;
            foreach (var result in runner.RunFile(path))
            {
                if (result.Decision == ReplayDecision.Deny && refusedAt < 0)
                    refusedAt = result.Step;
                if (recordedRefusalAt < 0 && TrainingRunReader.IsRecordedRefusal(result.Event))
                    recordedRefusalAt = result.Step;
            }
            var negative = attack || recordedRefusalAt >= 0;
            if (!negative && refusedAt >= 0)
            {
                failures++;
                context.Error.WriteLine($"{path}: benign run refused at step {refusedAt} by the learned policy");
            }
            else if (negative && (refusedAt < 0 || (recordedRefusalAt >= 0 && refusedAt > recordedRefusalAt)))
            {
                failures++;
                var where = recordedRefusalAt >= 0 ? $" at or before step {recordedRefusalAt}" : "";
                context.Error.WriteLine($"{path}: negative run not refused{where} by the learned policy");
            }
        }
        return failures;
    }
}
