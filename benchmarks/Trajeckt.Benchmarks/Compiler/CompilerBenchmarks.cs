using BenchmarkDotNet.Attributes;
using Trajeckt.Traj;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Benchmarks.Compiler;

/// <summary>Issue 2's targets: compile a 1,000-tool, 50-plan policy in &lt; 100 ms; decode its graph in &lt; 1 ms.</summary>
[MemoryDiagnoser]
public class CompilerBenchmarks
{
    private string _policy = string.Empty;
    private byte[] _encoding = Array.Empty<byte>();

    [Params(1_000)]
    public int Tools { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _policy = SyntheticPolicy.Create(Tools, plans: 50);
        var compilation = TrajCompiler.Compile(_policy, "synthetic.traj");
        if (!compilation.Success)
            throw new InvalidOperationException(string.Join("\n", compilation.Diagnostics.Take(5)));
        _encoding = compilation.Trajectories[0].Encoding;
    }

    [Benchmark]
    public int Compile() => TrajCompiler.Compile(_policy, "synthetic.traj").Trajectories[0].Graph.StateCount;

    [Benchmark]
    public int Decode() => GraphDecoder.Decode(_encoding).StateCount;

    [Benchmark]
    public GraphDigest Digest() => GraphDigest.Compute(_encoding);
}
