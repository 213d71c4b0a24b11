using BenchmarkDotNet.Running;

// Not typeof(Program): the trajeckt CLI, referenced for the replay benchmark, has a Program too.
BenchmarkSwitcher.FromAssembly(typeof(Trajeckt.Benchmarks.Replay.ReplayBenchmarks).Assembly).Run(args);
