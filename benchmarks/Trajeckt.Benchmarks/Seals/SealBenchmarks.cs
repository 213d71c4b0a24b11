using System.Text;
using BenchmarkDotNet.Attributes;
using Trajeckt.Sealing;
using Trajeckt.Traj;

namespace Trajeckt.Benchmarks.Seals;

/// <summary>
/// Seal verification and the whole commitment load (parse the seal, hash, verify, decode, build the
/// enforcement tables) for a 1,000-tool graph. Target: a load within 1 ms.
/// </summary>
[MemoryDiagnoser]
public class SealBenchmarks
{
    private const int ToolCount = 1000;

    private OperatorKeyPair _key = null!;
    private TrustStore _trustStore = null!;
    private byte[] _encoding = null!;
    private byte[] _sealFile = null!;
    private Seal _seal = null!;

    [GlobalSetup]
    public void Setup()
    {
        var compilation = TrajCompiler.Compile(Policy(), "bench.traj");
        if (!compilation.Success)
            throw new InvalidOperationException(string.Join(Environment.NewLine, compilation.Diagnostics));
        _encoding = compilation.Trajectories[0].Encoding;
        _key = OperatorKeyPair.Generate();
        _trustStore = new TrustStore([_key.PublicKey]);
        _seal = Sealer.Sign(_encoding, _key);
        _sealFile = SealFile.Format(_seal);
        if (!CommitmentLoader.Load(_encoding, _sealFile, _trustStore).Succeeded)
            throw new InvalidOperationException("the benchmark's sealed graph does not load");
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public bool VerifySeal() => SealVerifier.Verify(_encoding, _seal, _trustStore).IsValid;

    [Benchmark]
    public bool ParseSealFile() => SealFile.TryParse(_sealFile, out _, out _);

    [Benchmark]
    public bool LoadAndVerify1000ToolGraph() => CommitmentLoader.Load(_encoding, _sealFile, _trustStore).Succeeded;

    // A thousand tools: every tenth reads a label, every hundredth is an external sink the labels may reach.
    private static string Policy()
    {
        var text = new StringBuilder("trajectory Bench {\n");
        for (var i = 0; i < ToolCount; i++)
        {
            var effect = i % 100 == 99 ? " : sink(external)" : i % 10 == 0 ? $" : sensitive(label{i / 10})" : "";
            text.Append($"  tool t{i:D4}{effect};\n");
        }
        for (var label = 0; label < ToolCount / 10; label++)
            text.Append($"  flow label{label} -> t{label % 10 * 100 + 99:D4};\n");
        text.Append("  plan t0000 _*;\n  budget calls 500;\n}\n");
        return text.ToString();
    }
}
