using System.Text;
using Trajeckt.Traj;

namespace Trajeckt.Cli.Tests.Seals;

public sealed class VerifyCommandTests
{
    private static (string Graph, string Seal, string Key) SealedGraph(SealingCli cli, bool development = false)
    {
        var key = cli.Keygen(development ? "dev" : "op", development);
        var graph = cli.File("support.trjg");
        File.WriteAllBytes(graph, TrajCompiler.Compile(SealingCli.Policy, "p.traj").Trajectories[0].Encoding);
        Assert.Equal(0, cli.Run("seal", graph, "--key", key + ".key"));
        return (graph, graph + ".seal", key);
    }

    [Fact]
    public void A_valid_seal_prints_the_digest_and_key_id()
    {
        using var cli = new SealingCli();
        var (graph, seal, key) = SealedGraph(cli);
        Assert.Equal(0, cli.Run("verify", graph, seal, "--trusted", key + ".pub"));
        var digest = TrajCompiler.Compile(SealingCli.Policy, "p.traj").Trajectories[0].Digest;
        Assert.Contains($"digest {digest}", cli.Out);
        Assert.Contains("trajectory Support", cli.Out);
        Assert.Equal("", cli.Err);
    }

    [Fact]
    public void A_policy_verifies_against_the_seal_of_its_compiled_graph()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var policy = cli.Write("policy.traj", SealingCli.Policy);
        Assert.Equal(0, cli.Run("seal", policy, "--key", key + ".key"));
        Assert.Equal(0, cli.Run("verify", policy, policy + ".seal", "--trusted", key + ".pub"));
        Assert.Equal(1, cli.Run("verify", policy, policy + ".seal", "--trusted", key + ".pub", "--trajectory", "Billing"));
        Assert.Contains("digest mismatch", cli.Err);
    }

    [Fact]
    public void Several_trusted_keys_may_be_given_inline_or_as_files()
    {
        using var cli = new SealingCli();
        var (graph, seal, key) = SealedGraph(cli);
        var other = cli.Keygen("other");
        Assert.True(Trajeckt.Sealing.PublicKeyFile.TryRead(key + ".pub", out var publicKey, out _));
        Assert.Equal(0, cli.Run("verify", graph, seal, "--trusted", other + ".pub", publicKey.ToString()));
        Assert.Equal(0, cli.Run("verify", graph, seal, "--trusted", other + ".pub", "--trusted", key + ".pub"));
    }

    [Fact]
    public void A_tampered_graph_does_not_verify_and_exits_1()
    {
        using var cli = new SealingCli();
        var (graph, seal, key) = SealedGraph(cli);
        var bytes = File.ReadAllBytes(graph);
        bytes[^1] ^= 1;
        File.WriteAllBytes(graph, bytes);
        Assert.Equal(1, cli.Run("verify", graph, seal, "--trusted", key + ".pub"));
        Assert.Contains("digest mismatch", cli.Err);
        Assert.Equal("", cli.Out);
    }

    [Fact]
    public void An_untrusted_key_does_not_verify_and_exits_1()
    {
        using var cli = new SealingCli();
        var (graph, seal, _) = SealedGraph(cli);
        var other = cli.Keygen("other");
        Assert.Equal(1, cli.Run("verify", graph, seal, "--trusted", other + ".pub"));
        Assert.Contains("untrusted key", cli.Err);
    }

    [Fact]
    public void A_development_key_verifies_only_with_trust_development()
    {
        using var cli = new SealingCli();
        var (graph, seal, key) = SealedGraph(cli, development: true);
        Assert.Equal(1, cli.Run("verify", graph, seal, "--trusted", key + ".pub"));
        Assert.Contains("development key not trusted", cli.Err);
        Assert.Equal(0, cli.Run("verify", graph, seal, "--trusted", key + ".pub", "--trust-development"));
    }

    [Fact]
    public void A_forged_signature_does_not_verify_and_exits_1()
    {
        using var cli = new SealingCli();
        var (graph, seal, key) = SealedGraph(cli);
        var text = File.ReadAllText(seal);
        var start = text.IndexOf("\"signature\":\"", StringComparison.Ordinal) + "\"signature\":\"".Length;
        var forged = text[..start] + (text[start] == 'A' ? 'B' : 'A') + text[(start + 1)..];
        File.WriteAllText(seal, forged);
        Assert.Equal(1, cli.Run("verify", graph, seal, "--trusted", key + ".pub"));
        Assert.Contains("bad signature", cli.Err);
    }

    [Fact]
    public void A_malformed_seal_is_invalid_input_with_file_and_position()
    {
        using var cli = new SealingCli();
        var (graph, seal, key) = SealedGraph(cli);
        File.WriteAllText(seal, File.ReadAllText(seal).Replace("\"version\":1", "\"version\":1,\"extra\":0"));
        Assert.Equal(2, cli.Run("verify", graph, seal, "--trusted", key + ".pub"));
        Assert.Equal($"trajeckt: error: {seal}(1,14): unknown field 'extra' in a seal file{Environment.NewLine}", cli.Err);
    }

    [Fact]
    public void A_malformed_trusted_key_is_invalid_input()
    {
        using var cli = new SealingCli();
        var (graph, seal, _) = SealedGraph(cli);
        var bad = cli.Write("bad.pub", "{\"version\":1,");
        Assert.Equal(2, cli.Run("verify", graph, seal, "--trusted", bad));
        Assert.StartsWith($"trajeckt: error: trusted key 0: {bad}(1,", cli.Err);
        Assert.Equal(2, cli.Run("verify", graph, seal, "--trusted", "ed25519:nope"));
        Assert.Equal(2, cli.Run("verify", graph, seal));
    }

    [Fact]
    public void A_trajectory_name_with_a_graph_file_is_invalid_input()
    {
        using var cli = new SealingCli();
        var (graph, seal, key) = SealedGraph(cli);
        Assert.Equal(2, cli.Run("verify", graph, seal, "--trusted", key + ".pub", "--trajectory", "Support"));
        Assert.Contains("--trajectory applies only to a policy", cli.Err);
    }

    [Fact]
    public void A_missing_graph_file_is_invalid_input()
    {
        using var cli = new SealingCli();
        var (_, seal, key) = SealedGraph(cli);
        Assert.Equal(2, cli.Run("verify", cli.File("absent.trjg"), seal, "--trusted", key + ".pub"));
        Assert.Equal($"trajeckt: error: {cli.File("absent.trjg")}: file not found{Environment.NewLine}", cli.Err);
    }

    [Fact]
    public void A_validly_sealed_file_that_is_not_a_graph_is_invalid_input()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var junk = cli.File("junk.bin");
        File.WriteAllBytes(junk, Encoding.ASCII.GetBytes("TRJG not a graph"));
        Assert.True(Trajeckt.Sealing.PrivateKeyFile.TryRead(key + ".key", out var keyPair, out _));
        using (keyPair)
        {
            var digest = Trajeckt.Traj.Graph.GraphDigest.Compute(File.ReadAllBytes(junk));
            var message = Encoding.ASCII.GetBytes("trajeckt-seal-v1\0").Concat(digest.ToArray()).ToArray();
            var signature = NSec.Cryptography.SignatureAlgorithm.Ed25519.Sign(keyPair.PrivateKey, message);
            Trajeckt.Sealing.SealFile.Write(junk + ".seal", new Trajeckt.Sealing.Seal(digest, keyPair.KeyId, signature));
        }
        Assert.Equal(2, cli.Run("verify", junk, junk + ".seal", "--trusted", key + ".pub"));
        Assert.Contains("the sealed bytes are not a graph", cli.Err);
    }
}
