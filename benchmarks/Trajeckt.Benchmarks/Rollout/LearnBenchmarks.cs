using BenchmarkDotNet.Attributes;
using Trajeckt.Cli;
using Trajeckt.Traj.Learning;

namespace Trajeckt.Benchmarks.Rollout;

/// <summary>
/// <c>trajeckt learn</c> on 10,000 recorded runs of 50 calls (<see cref="LearnTraces"/>): the learning engine on
/// runs in memory (k-tails on the prefix tree, quotient, minimization, the plan's regular expression, flows, the
/// commented .traj), and the CLI end to end on 10,000 trace files (read, learn, compile the result and replay every
/// run against it before writing). The baseline is reading and validating the same files, which the CLI must do anyway.
/// </summary>
[MemoryDiagnoser]
public class LearnBenchmarks
{
    private const int Runs = 10_000;

    private List<TrainingRun> _runs = null!;
    private string _folder = "";
    private string _traces = "";
    private string _output = "";

    [GlobalSetup]
    public void Setup()
    {
        var runs = LearnTraces.Generate(Runs);
        _runs = LearnTraces.AsTrainingRuns(runs);
        _folder = Path.Combine(Path.GetTempPath(), "trajeckt-bench-learn-" + Guid.NewGuid().ToString("N"));
        _traces = Path.Combine(_folder, "runs");
        _output = Path.Combine(_folder, "learned.traj");
        LearnTraces.Write(runs, _traces);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public int ReadTraces()
    {
        var calls = 0;
        foreach (var file in Directory.EnumerateFiles(_traces, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var run in TrainingRunReader.Read(file, labelledAttack: false))
                calls += run.Calls.Count;
        }
        return calls;
    }

    [Benchmark]
    public int LearnEngine()
    {
        var learned = PolicyLearner.Learn(_runs, PolicyLearner.DefaultK, "Support", policy: null);
        return learned.ToTraj(null).Length;
    }

    [Benchmark]
    public int LearnCli()
    {
        var exit = CliApp.Run(["learn", _traces, "-o", _output], TextWriter.Null, TextWriter.Null);
        return exit == 0 ? exit : throw new InvalidOperationException($"trajeckt learn exited with {exit}");
    }
}
