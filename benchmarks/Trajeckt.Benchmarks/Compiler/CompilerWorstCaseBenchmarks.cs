using BenchmarkDotNet.Attributes;
using Trajeckt.Traj;

namespace Trajeckt.Benchmarks.Compiler;

/// <summary>
/// Issue 11's hostile policies: each must compile, or be refused with the diagnostic of the limit it
/// crosses, in bounded time. The baseline is the 1,000-tool, 50-plan policy of <see cref="CompilerBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class CompilerWorstCaseBenchmarks
{
    private string _typical = "";
    private string _optionals1000 = "";
    private string _optionals25000 = "";
    private string _labels100000 = "";
    private string _tools100001 = "";

    [GlobalSetup]
    public void Setup()
    {
        _typical = SyntheticPolicy.Create(1_000, plans: 50);
        _optionals1000 = Optionals(1_000);
        _optionals25000 = Optionals(25_000);
        _labels100000 = "trajectory T {\n  tool a : sensitive(" + string.Join(", ", Enumerable.Range(0, 100_000).Select(i => $"l{i}")) + ");\n}\n";
        _tools100001 = "trajectory T {\n" + string.Concat(Enumerable.Range(0, 100_001).Select(i => $"  tool t{i};\n")) + "}\n";
    }

    private static string Optionals(int count) =>
        "trajectory T {\n  tool a;\n  plan " + string.Join(" ", Enumerable.Repeat("a?", count)) + ";\n}\n";

    /// <summary>The typical large policy: 1,000 tools, 50 plans (compiles).</summary>
    [Benchmark(Baseline = true)]
    public int Typical() => Compile(_typical, expected: null);

    /// <summary><c>a?</c> 1,000 times: 1,001 states, just under the construction-work bound (compiles).</summary>
    [Benchmark]
    public int Optionals1000() => Compile(_optionals1000, expected: null);

    /// <summary><c>a?</c> 25,000 times: refused with TRJ0157 once the work bound is reached (was 12-16 s, then TRJ0113).</summary>
    [Benchmark]
    public int Optionals25000() => Compile(_optionals25000, expected: "TRJ0157");

    /// <summary>100,000 labels on one tool (compiles; was 21 s with a linear duplicate check).</summary>
    [Benchmark]
    public int Labels100000() => Compile(_labels100000, expected: null);

    /// <summary>100,001 tools: refused with TRJ0152 at the last tool (compiled before, and the graph did not decode).</summary>
    [Benchmark]
    public int Tools100001() => Compile(_tools100001, expected: "TRJ0152");

    private static int Compile(string policy, string? expected)
    {
        var compilation = TrajCompiler.Compile(policy, "worst.traj");
        var code = compilation.Diagnostics.FirstOrDefault(d => d.IsError)?.Code;
        if (code != expected)
            throw new InvalidOperationException($"expected {expected ?? "success"}, got {code ?? "success"}");
        return compilation.Diagnostics.Count;
    }
}
