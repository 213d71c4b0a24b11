using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using StackExchange.Redis;
using Trajeckt.Benchmarks.Runtime;
using Trajeckt.Redis;
using Trajeckt.Sessions;
using Trajeckt.TestSupport;

namespace Trajeckt.Benchmarks.Sessions;

/// <summary>
/// What BenchmarkDotNet's per-iteration means cannot show (issue 13, deliverable 6): the median and p99 of single
/// decisions through a real redis-server on loopback, timed one by one, beside the in-memory store in the same run;
/// and one session's throughput when two processes decide its calls at once, beside one process alone.
/// <c>dotnet run -c Release --project benchmarks/Trajeckt.Benchmarks -- session-store</c>.
/// </summary>
internal static class SessionStoreLatencyRun
{
    private const int Warmup = 2_000;
    private const int Samples = 20_000;
    private static readonly TimeSpan s_contention = TimeSpan.FromSeconds(5);

    public static Task<int> RunAsync(string[] args)
    {
        // Run outside BenchmarkDotNet, this executable's deps file omits Trajeckt.Traj (BenchmarkDotNet's own
        // build of it does not): load it, and anything else so omitted, from beside the executable.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            Path.Combine(AppContext.BaseDirectory, name.Name + ".dll") is var path && File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        return RunCoreAsync(args);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> RunCoreAsync(string[] args)
    {
        if (args is ["worker", var configuration, var casMode, var key, var seconds])
            return await WorkerAsync(configuration, Enum.Parse<RedisCompareAndSet>(casMode), key, TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)));

        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        var commitment = Commitment();
        var idle = TrajecktSession.Create(commitment).Snapshot().Length;
        Console.WriteLine($"state size: idle {idle} B, after a labelled read and 99 calls {Busy(commitment).Snapshot().Length} B");

        using var redis = new RedisServer();
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        Console.WriteLine("| Store | Median | p99 | Samples |");
        Console.WriteLine("|---|---:|---:|---:|");
        await LatencyAsync("in-memory store (manager)", new TrajecktSessionManager(commitment, new InMemoryTrajecktSessionStore()));
        foreach (var mode in Enum.GetValues<RedisCompareAndSet>())
            await LatencyAsync($"Redis, {mode}", Manager(commitment, connection, mode));

        Console.WriteLine();
        Console.WriteLine("| Compare-and-set | Processes | Decisions/s (one session) | Allowed | Refused |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var mode in Enum.GetValues<RedisCompareAndSet>())
        {
            foreach (var processes in new[] { 1, 2 })
                await ContentionAsync(redis.Configuration, mode, processes);
        }
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static async Task LatencyAsync(string name, TrajecktSessionManager manager)
    {
        var sink = BenchmarkGraphs.Name(BenchmarkGraphs.AllowedSink);
        var key = "latency:" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < Warmup; i++)
            await manager.BeginAsync(key, sink);
        var ticks = new long[Samples];
        for (var i = 0; i < Samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var decision = await manager.BeginAsync(key, sink);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            if (!decision.IsAllowed)
                throw new InvalidOperationException(decision.Message);
        }
        Array.Sort(ticks);
        Console.WriteLine($"| {name} | {Micros(ticks[Samples / 2])} | {Micros(ticks[Samples * 99 / 100])} | {Samples:N0} |");
    }

    private static async Task ContentionAsync(string configuration, RedisCompareAndSet mode, int processes)
    {
        var key = "contention:" + Guid.NewGuid().ToString("N");
        var workers = Enumerable.Range(0, processes).Select(_ => StartWorker(configuration, mode, key)).ToList();
        var outputs = await Task.WhenAll(workers.Select(async w =>
        {
            var text = await w.StandardOutput.ReadToEndAsync();
            await w.WaitForExitAsync();
            w.Dispose();
            return text.Trim().Split(' ').Select(long.Parse).ToArray();
        }));
        var allowed = outputs.Sum(o => o[0]);
        var refused = outputs.Sum(o => o[1]);
        Console.WriteLine($"| {mode} | {processes} | {allowed / s_contention.TotalSeconds:N0} | {allowed:N0} | {refused:N0} |");
    }

    private static Process StartWorker(string configuration, RedisCompareAndSet mode, string key)
    {
        var host = Environment.ProcessPath!;
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var arg in new[] { "session-store", "worker", configuration, mode.ToString(), key, s_contention.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    // One process deciding the calls of one session for the given time; prints "allowed refused".
    private static async Task<int> WorkerAsync(string configuration, RedisCompareAndSet mode, string key, TimeSpan duration)
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        var manager = new TrajecktSessionManager(
            Commitment(),
            new RedisTrajecktSessionStore(connection, new RedisSessionStoreOptions { KeyPrefix = "bench:", CompareAndSet = mode }),
            new TrajecktSessionManagerOptions { MaxAttempts = 1_000 });
        var sink = BenchmarkGraphs.Name(BenchmarkGraphs.AllowedSink);
        long allowed = 0, refused = 0;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end)
        {
            if ((await manager.BeginAsync(key, sink)).IsAllowed)
                allowed++;
            else
                refused++;
        }
        Console.WriteLine($"{allowed} {refused}");
        return 0;
    }

    private static Commitment Commitment() => Trajeckt.Commitment.FromVerifiedGraph(BenchmarkGraphs.Create(10), [0]);

    private static TrajecktSession Busy(Commitment commitment)
    {
        var session = TrajecktSession.Create(commitment);
        for (var i = 0; i < 100; i++)
        {
            var decision = session.Begin(BenchmarkGraphs.Name(i == 0 ? BenchmarkGraphs.Reader : 4 + (i % 6)));
            session.Complete(in decision);
        }
        return session;
    }

    private static TrajecktSessionManager Manager(Commitment commitment, IConnectionMultiplexer connection, RedisCompareAndSet mode) => new(
        commitment,
        new RedisTrajecktSessionStore(connection, new RedisSessionStoreOptions { KeyPrefix = $"latency:{mode}:", CompareAndSet = mode }));

    private static string Micros(long ticks) => $"{ticks * 1_000_000.0 / Stopwatch.Frequency:0.0} us";
}
