using BenchmarkDotNet.Running;

// Single-call latency and two-process contention of durable sessions: not a BenchmarkDotNet suite.
if (args is ["session-store", .. var rest])
    return await Trajeckt.Benchmarks.Sessions.SessionStoreLatencyRun.RunAsync(rest);

// Not typeof(Program): the trajeckt CLI, referenced for the replay benchmark, has a Program too.
BenchmarkSwitcher.FromAssembly(typeof(Trajeckt.Benchmarks.Replay.ReplayBenchmarks).Assembly).Run(args);
return 0;
