using Trajeckt.Sealing;
using Trajeckt.Traj;

namespace Trajeckt.Cli.Tests.Seals;

public sealed class SealCommandTests
{
    [Fact]
    public void Sealing_a_policy_seals_its_first_trajectory_beside_it()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var policy = cli.Write("policy.traj", SealingCli.Policy);
        Assert.Equal(0, cli.Run("seal", policy, "--key", key + ".key"));

        Assert.True(SealFile.TryRead(policy + ".seal", out var seal, out var error), error?.ToString());
        var support = TrajCompiler.Compile(SealingCli.Policy, policy).Trajectories[0];
        Assert.Equal(support.Digest, seal.Digest);
        Assert.Contains($"sealed Support: digest {support.Digest}, key {seal.KeyId}", cli.Out);
    }

    [Fact]
    public void A_named_trajectory_and_output_path_are_honoured()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var policy = cli.Write("policy.traj", SealingCli.Policy);
        Assert.Equal(0, cli.Run("seal", policy, "--key", key + ".key", "--trajectory", "Billing", "-o", cli.File("billing.seal")));
        Assert.True(SealFile.TryRead(cli.File("billing.seal"), out var seal, out _));
        Assert.Equal(TrajCompiler.Compile(SealingCli.Policy, policy).Trajectories[1].Digest, seal.Digest);
        Assert.False(File.Exists(policy + ".seal"));
    }

    [Fact]
    public void A_graph_file_is_sealed_as_it_is()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var graph = cli.File("support.trjg");
        var trajectory = TrajCompiler.Compile(SealingCli.Policy, "p.traj").Trajectories[0];
        File.WriteAllBytes(graph, trajectory.Encoding);
        Assert.Equal(0, cli.Run("seal", graph, "--key", key + ".key"));
        Assert.True(SealFile.TryRead(graph + ".seal", out var seal, out _));
        Assert.Equal(trajectory.Digest, seal.Digest);
    }

    [Fact]
    public void Compile_errors_are_printed_with_file_and_position_and_exit_2()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var policy = cli.Write("bad.traj", "trajectory T {\n  tool a;\n  plan b;\n}\n");
        Assert.Equal(2, cli.Run("seal", policy, "--key", key + ".key"));
        Assert.Matches(@"bad\.traj\(3,\d+\): error TRJ\d{4}: ", cli.Err);
        Assert.False(File.Exists(policy + ".seal"));
    }

    [Fact]
    public void An_unknown_trajectory_is_invalid_input()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var policy = cli.Write("policy.traj", SealingCli.Policy);
        Assert.Equal(2, cli.Run("seal", policy, "--key", key + ".key", "--trajectory", "Nope"));
        Assert.Contains("'Nope'", cli.Err);
    }

    [Fact]
    public void A_public_key_given_as_the_key_is_refused_by_name()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var policy = cli.Write("policy.traj", SealingCli.Policy);
        Assert.Equal(2, cli.Run("seal", policy, "--key", key + ".pub"));
        Assert.StartsWith($"trajeckt: error: {key}.pub(3,", cli.Err);
        Assert.Contains("this is a public key file", cli.Err);
    }

    [Fact]
    public void A_missing_key_file_or_option_is_invalid_input()
    {
        using var cli = new SealingCli();
        var policy = cli.Write("policy.traj", SealingCli.Policy);
        Assert.Equal(2, cli.Run("seal", policy, "--key", cli.File("absent.key")));
        Assert.Equal($"trajeckt: error: {cli.File("absent.key")}: the file does not exist{Environment.NewLine}", cli.Err);
        Assert.Equal(2, cli.Run("seal", policy));
    }

    [Fact]
    public void An_unwritable_seal_path_is_a_one_line_error()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen();
        var policy = cli.Write("policy.traj", SealingCli.Policy);
        Assert.Equal(2, cli.Run("seal", policy, "--key", key + ".key", "-o", cli.File(Path.Combine("no", "such", "x.seal"))));
        Assert.StartsWith($"trajeckt: error: {cli.File(Path.Combine("no", "such", "x.seal"))}: cannot write the seal", cli.Err);
        Assert.Single(cli.Err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Sealing_with_a_development_key_warns()
    {
        using var cli = new SealingCli();
        var key = cli.Keygen("dev", development: true);
        var policy = cli.Write("policy.traj", SealingCli.Policy);
        Assert.Equal(0, cli.Run("seal", policy, "--key", key + ".key"));
        Assert.Contains("development key", cli.Err);
    }
}
