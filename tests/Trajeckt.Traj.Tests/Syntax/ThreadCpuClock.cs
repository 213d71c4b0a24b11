using System.Diagnostics;

namespace Trajeckt.Traj.Tests.Syntax;

/// <summary>
/// The CPU time the current thread spends running an action: the work it does, not the time it waits for a
/// core, so a ratio of two measurements holds on a busy machine. Linux reports it in nanoseconds
/// (<c>/proc/thread-self/schedstat</c>); elsewhere the wall clock stands in.
/// </summary>
internal static class ThreadCpuClock
{
    private const string SchedStat = "/proc/thread-self/schedstat";

    public static TimeSpan Measure(Action action)
    {
        if (!File.Exists(SchedStat))
        {
            var watch = Stopwatch.StartNew();
            action();
            return watch.Elapsed;
        }
        var before = RunNanoseconds();
        action();
        return TimeSpan.FromTicks((RunNanoseconds() - before) / 100);
    }

    // The first field is the thread's time on a CPU, in nanoseconds.
    private static long RunNanoseconds() => long.Parse(File.ReadAllText(SchedStat).Split(' ')[0]);
}
