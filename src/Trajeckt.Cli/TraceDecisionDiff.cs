using Trajeckt.Replay;
using Trajeckt.Traj;

namespace Trajeckt.Cli;

/// <summary>
/// Replays recorded runs under two policies with the runtime's own sessions (as <c>trajeckt replay</c>
/// does) and finds, per run, the first step whose decision or reason differs.
/// </summary>
internal static class TraceDecisionDiff
{
    /// <summary>The number of runs replayed and the first change of each run that changed.</summary>
    /// <exception cref="TraceFormatException">A trace is invalid.</exception>
    /// <exception cref="IOException">A trace cannot be read.</exception>
    public static (int Runs, List<DecisionChange> Changes) Compare(CompiledTrajectory oldTrajectory, CompiledTrajectory newTrajectory, IReadOnlyList<string> files)
    {
        var oldRunner = new TraceRunner(oldTrajectory);
        var newRunner = new TraceRunner(newTrajectory);
        var runs = 0;
        var changes = new List<DecisionChange>();
        foreach (var path in files)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var changed = new HashSet<string>(StringComparer.Ordinal);
            // Both replays read the same validated file, so they yield the same events in the same order.
            using var oldResults = oldRunner.RunFile(path).GetEnumerator();
            using var newResults = newRunner.RunFile(path).GetEnumerator();
            while (oldResults.MoveNext() && newResults.MoveNext())
            {
                var (before, after) = (oldResults.Current, newResults.Current);
                var run = TrainingRunReader.RunName(path, before.Event.Session);
                seen.Add(run);
                if (changed.Contains(run) || (before.Decision == after.Decision && before.Reason == after.Reason))
                    continue;
                changed.Add(run);
                changes.Add(new DecisionChange(run, before, after));
            }
            runs += seen.Count;
        }
        return (runs, changes);
    }
}
