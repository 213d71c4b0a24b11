using Trajeckt.Cli.Tests.Seals;
using Trajeckt.Traj;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli.Tests.Inputs;

/// <summary>
/// Every file the CLI reads is read to at most its cap plus one byte: an endless input (/dev/zero) or a
/// file just over the cap is refused with one line naming the cap, never buffered whole.
/// </summary>
public sealed class BoundedInputTests
{
    private const string Zero = "/dev/zero";

    public static TheoryData<string, string> EndlessInputs() => new()
    {
        { "inspect", GraphLimits.MaxEncodingBytes.ToString() },
        { "compile", GraphLimits.MaxEncodingBytes.ToString() },
        { "fmt", GraphLimits.MaxEncodingBytes.ToString() },
        { "seal-input", GraphLimits.MaxEncodingBytes.ToString() },
        { "seal-key", "65536" },
        { "verify-graph", GraphLimits.MaxEncodingBytes.ToString() },
        { "verify-seal", "65536" },
        { "verify-trusted", "65536" },
        { "replay-graph", GraphLimits.MaxEncodingBytes.ToString() },
        { "replay-trace", "line" },
    };

    [Theory]
    [MemberData(nameof(EndlessInputs))]
    public void An_endless_input_is_refused_at_its_cap(string command, string cap)
    {
        using var cli = new SealingCli();
        var policy = cli.Write("p.traj", SealingCli.Policy);
        var key = cli.Keygen();
        Assert.Equal(0, cli.Run("seal", policy, "--key", key + ".key", "-o", cli.File("p.seal")));
        var trace = cli.Write("t.jsonl", "{\"tool\":\"read_ticket\"}\n");
        string[] args = command switch
        {
            "inspect" => ["inspect", Zero],
            "compile" => ["compile", Zero, "-o", cli.File("out.trjg")],
            "fmt" => ["fmt", Zero, "--check"],
            "seal-input" => ["seal", Zero, "--key", key + ".key", "-o", cli.File("z.seal")],
            "seal-key" => ["seal", policy, "--key", Zero, "-o", cli.File("z.seal")],
            "verify-graph" => ["verify", Zero, cli.File("p.seal"), "--trusted", key + ".pub"],
            "verify-seal" => ["verify", policy, Zero, "--trusted", key + ".pub"],
            "verify-trusted" => ["verify", policy, cli.File("p.seal"), "--trusted", Zero],
            "replay-graph" => ["replay", Zero, trace],
            _ => ["replay", policy, Zero],
        };

        var code = cli.Run(args);

        Assert.Equal(2, code);
        Assert.Single(cli.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Zero, cli.Err);
        Assert.Contains(cap, cli.Err);
        Assert.DoesNotContain("Exception", cli.Err);
    }

    [Fact]
    public void A_graph_file_one_byte_over_the_cap_is_refused_and_one_at_the_cap_is_decoded()
    {
        using var cli = new SealingCli();
        var over = cli.File("over.trjg");
        var encoding = TrajCompiler.Compile(SealingCli.Policy, "p.traj").Trajectories[0].Encoding;
        using (var stream = File.Create(over))
        {
            stream.Write(encoding);
            stream.SetLength(GraphLimits.MaxEncodingBytes + 1L);
        }
        Assert.Equal(2, cli.Run("inspect", over));
        Assert.Contains($"larger than {GraphLimits.MaxEncodingBytes} bytes", cli.Err);

        // At the cap the bytes are read whole and reach the decoder, which names what follows the graph.
        using (var stream = File.OpenWrite(over))
            stream.SetLength(GraphLimits.MaxEncodingBytes);
        Assert.Equal(2, cli.Run("inspect", over));
        Assert.Contains("bytes follow the end of the graph", cli.Err);
    }
}
