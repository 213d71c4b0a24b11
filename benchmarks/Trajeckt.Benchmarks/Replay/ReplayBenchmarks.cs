using System.Text;
using BenchmarkDotNet.Attributes;
using Trajeckt.Cli;
using Trajeckt.Replay;
using Trajeckt.Traj;

namespace Trajeckt.Benchmarks.Replay;

/// <summary>
/// Replay throughput: a 10,000-event trace read from memory, parsed line by line, and (for the full
/// replay) run through a fresh runtime session; and the same trace replayed from a file by
/// <c>trajeckt replay</c>'s own code path, in process, printing to <c>/dev/null</c> with real write
/// system calls, buffered (what the CLI does) and line by line (the console's auto-flushing writer, the
/// baseline). Times are per event (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private const int Events = 10_000;

    private const string Policy = """
        trajectory Support {
          tool read_customer : sensitive(customer-pii);
          tool search_kb;
          tool reply         : sink(external);
          tool send_email    : sink(external);
          tool save_memory   : sink(control);
          flow customer-pii -> reply;
        }
        """;

    // A realistic mix: allowed and refused calls, reported labels, inputs, authorizations, notes.
    private static readonly string[] s_lines =
    [
        """{"call": "search_kb", "expect": "allow"}""",
        """{"call": "read_customer", "labels": ["customer-pii"], "expect": "allow"}""",
        """{"call": "reply", "expect": "allow"}""",
        """{"call": "send_email", "expect": "deny", "reason": "flow"}""",
        """{"input": "External"}""",
        """{"authorize": "save_memory", "by": "TrustedUser", "expect": "accepted"}""",
        """{"call": "save_memory", "origin": "ToolOutput"}""",
        """{"note": "not a step"}""",
    ];

    private string _trace = "";
    private TraceRunner _runner = null!;
    private string _folder = "";
    private string[] _cliArgs = [];

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Events; i++)
            text.Append(s_lines[i % s_lines.Length]).Append('\n');
        _trace = text.ToString();
        var compilation = TrajCompiler.Compile(Policy, "policy.traj");
        _runner = new TraceRunner(compilation.Trajectories[0]);

        _folder = Path.Combine(Path.GetTempPath(), "trajeckt-bench-replay-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var policyPath = Path.Combine(_folder, "policy.traj");
        var tracePath = Path.Combine(_folder, "trace.jsonl");
        File.WriteAllText(policyPath, Policy);
        File.WriteAllText(tracePath, _trace);
        _cliArgs = ["replay", policyPath, tracePath];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Parsing only: the strict streaming reader.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int ReadTrace()
    {
        using var reader = new TraceReader(new StringReader(_trace), "bench.jsonl");
        var count = 0;
        while (reader.Read() is not null)
            count++;
        return count;
    }

    /// <summary>The whole replay: parse, decide in a fresh session, check the expectation.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int ReplayTrace()
    {
        using var reader = new TraceReader(new StringReader(_trace), "bench.jsonl");
        var held = 0;
        foreach (var result in _runner.Run(reader))
        {
            if (result.ExpectationHeld)
                held++;
        }
        return held;
    }

    /// <summary><c>trajeckt replay POLICY TRACE</c> as the CLI runs it: validate the file, replay it, print a line per event, buffered.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int ReplayFileCli()
    {
        using var output = OpenNull();
        return CliApp.RunWithBufferedOutput(_cliArgs, output, TextWriter.Null);
    }

    /// <summary>Baseline: the same, printing through an auto-flushing writer (one write system call per line), as before buffering.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int ReplayFileCliLineByLine()
    {
        using var output = new StreamWriter(OpenNull()) { AutoFlush = true };
        return CliApp.Run(_cliArgs, output, TextWriter.Null);
    }

    // No FileStream buffer: every write of the writer above it is one write(2), as on a console stream.
    private static FileStream OpenNull() => new(OperatingSystem.IsWindows() ? "NUL" : "/dev/null", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
}
