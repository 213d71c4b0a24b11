using System.Text;
using BenchmarkDotNet.Attributes;
using Trajeckt.Replay;
using Trajeckt.Traj;

namespace Trajeckt.Benchmarks.Replay;

/// <summary>
/// Replay throughput: a 10,000-event trace read from memory, parsed line by line, and (for the full
/// replay) run through a fresh runtime session. Times are per event (OperationsPerInvoke).
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

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Events; i++)
            text.Append(s_lines[i % s_lines.Length]).Append('\n');
        _trace = text.ToString();
        var compilation = TrajCompiler.Compile(Policy, "policy.traj");
        _runner = new TraceRunner(compilation.Trajectories[0]);
    }

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
}
