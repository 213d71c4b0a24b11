using BenchmarkDotNet.Attributes;
using Trajeckt.Audit;
using Trajeckt.Sealing;
using Trajeckt.Traj;

namespace Trajeckt.Benchmarks.Rollout;

/// <summary>
/// The decision log's cost per decision (issue 14): an allowed decision (Begin + Complete) with no log (the
/// baseline), with a log whose writer writes to a sink that drops the bytes, and with the default rolling file
/// sink; each batch ends with <see cref="DecisionLog.Flush"/>, so the time per decision includes the background
/// writer catching up (formatting, SHA-256 chaining, a signed checkpoint every 1,000 lines, writing). Also the
/// writer's own work per line on one thread (<see cref="WriterLine"/>). Targets: 0 B per allowed decision, and a
/// writer that keeps up with 1M decisions/s (at most 1 us per line).
/// </summary>
[MemoryDiagnoser]
public class DecisionLogBenchmarks
{
    private const int Batch = 100_000;

    private OperatorKeyPair _key = null!;
    private TrajecktSession _plain = null!;
    private DecisionLog _nullLog = null!;
    private TrajecktSession _nullLogged = null!;
    private DecisionLog _fileLog = null!;
    private TrajecktSession _fileLogged = null!;
    private DecisionLog _bufferedFileLog = null!;
    private TrajecktSession _bufferedFileLogged = null!;
    private LogLineWriter _lines = null!;
    private LogLineWriter _dotNetHashedLines = null!;
    private LogRecord _record;
    private ToolId _tool;
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        var trajectory = TrajCompiler.Compile("trajectory T { tool search_kb; tool reply : sink(external); }", "t.traj").Trajectories[0];
        var commitment = Commitment.FromVerifiedGraph(trajectory.Graph, trajectory.Encoding);
        if (!commitment.TryGetToolId("search_kb", out _tool))
            throw new InvalidOperationException("search_kb is not declared");
        _key = OperatorKeyPair.Generate();
        _folder = Path.Combine(Path.GetTempPath(), "trajeckt-bench-log-" + Guid.NewGuid().ToString("N"));
        _plain = TrajecktSession.Create(commitment);
        _nullLog = new DecisionLog(new NullSink(), _key);
        _nullLogged = TrajecktSession.Create(commitment, new TrajecktOptions { DecisionLog = _nullLog });
        _fileLog = new DecisionLog(new FileDecisionLogSink(_folder, maxFileBytes: 64 << 20, maxFiles: 2), _key);
        _fileLogged = TrajecktSession.Create(commitment, new TrajecktOptions { DecisionLog = _fileLog });
        _bufferedFileLog = new DecisionLog(new UnsyncedSink(new FileDecisionLogSink(Path.Combine(_folder, "unsynced"), maxFileBytes: 64 << 20, maxFiles: 2)), _key);
        _bufferedFileLogged = TrajecktSession.Create(commitment, new TrajecktOptions { DecisionLog = _bufferedFileLog });
        _lines = new LogLineWriter(_key, includeMessages: true);
        _dotNetHashedLines = new LogLineWriter(_key, includeMessages: true, hasher: ChainHasher.Create([]));
        _record = new LogRecord { Kind = LogRecordKind.Call, SessionId = _plain.Id, Step = 1, TimestampTicks = DateTime.UtcNow.Ticks, Tool = "search_kb" };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _nullLog.Dispose();
        _fileLog.Dispose();
        _bufferedFileLog.Dispose();
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int AllowedWithoutLog() => Decide(_plain);

    [Benchmark(OperationsPerInvoke = Batch)]
    public int AllowedLoggedToNullSink()
    {
        var allowed = Decide(_nullLogged);
        _nullLog.Flush();
        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int AllowedLoggedToFile()
    {
        var allowed = Decide(_fileLogged);
        _fileLog.Flush();
        return allowed;
    }

    /// <summary>
    /// The same into the file sink without the fsync that <see cref="DecisionLog.Flush"/> ends each batch with:
    /// the writer's steady state, in which the sink is synced only on an explicit flush, a roll or disposal.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int AllowedLoggedToFileUnsynced()
    {
        var allowed = Decide(_bufferedFileLogged);
        _bufferedFileLog.Flush();
        return allowed;
    }

    /// <summary>The writer thread's work for one call line (format, chain), a checkpoint every 1,000 lines, on this thread.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int WriterLine() => WriteLines(_lines);

    /// <summary>The same with the chain hashed by .NET's <c>SHA256.HashData</c>, as before <see cref="ChainHasher"/> (what other platforms use).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int WriterLineDotNetSha256() => WriteLines(_dotNetHashedLines);

    private int WriteLines(LogLineWriter lines)
    {
        var bytes = 0;
        for (var i = 0; i < Batch; i++)
        {
            _record.Step = i;
            bytes += lines.Call(in _record, null, null).Length;
            if (lines.SinceCheckpoint >= 1000)
                bytes += lines.Checkpoint(_record.TimestampTicks, fileStart: false).Length;
        }
        return bytes;
    }

    private int Decide(TrajecktSession session)
    {
        var allowed = 0;
        for (var i = 0; i < Batch; i++)
        {
            var decision = session.Begin(_tool);
            session.Complete(in decision);
            if (decision.IsAllowed)
                allowed++;
        }
        return allowed;
    }

    // Writes through to the file sink (its 64 KiB buffer reaches the OS as usual) but does not fsync on Flush.
    private sealed class UnsyncedSink(FileDecisionLogSink file) : DecisionLogSink
    {
        public override void WriteLine(ReadOnlySpan<byte> utf8Line, bool isCheckpoint) => file.WriteLine(utf8Line, isCheckpoint);

        public override void Flush()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                file.Dispose();
        }
    }

    private sealed class NullSink : DecisionLogSink
    {
        public override void WriteLine(ReadOnlySpan<byte> utf8Line, bool isCheckpoint)
        {
        }

        public override void Flush()
        {
        }
    }
}
