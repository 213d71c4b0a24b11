using Trajeckt.Cli.Tests.Seals;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli.Tests.Inputs;

/// <summary>
/// A policy past a graph limit is refused by every command that compiles it, with the compiler's located
/// error, never with a graph that the next command refuses or an exception's text.
/// </summary>
public sealed class GraphLimitCliTests
{
    private static string Tools(int count) =>
        "trajectory T {\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"  tool t{i};\n")) + "}\n";

    [Theory]
    [InlineData("compile")]
    [InlineData("inspect")]
    [InlineData("seal")]
    public void A_policy_with_one_tool_too_many_is_refused_at_that_tool(string command)
    {
        using var cli = new SealingCli();
        var policy = cli.Write("big.traj", Tools(GraphLimits.MaxTools + 1));
        var key = cli.Keygen();
        string[] args = command == "seal" ? ["seal", policy, "--key", key + ".key"] : [command, policy];

        Assert.Equal(2, cli.Run(args));
        Assert.StartsWith($"{policy}({GraphLimits.MaxTools + 2},8): error TRJ0152: a trajectory declares at most {GraphLimits.MaxTools} tools", cli.Err);
        Assert.DoesNotContain("Exception", cli.Err);
        Assert.False(File.Exists(policy + ".seal"));
    }

    [Fact]
    public void A_policy_at_the_tool_limit_compiles_seals_and_verifies()
    {
        using var cli = new SealingCli();
        var policy = cli.Write("big.traj", Tools(GraphLimits.MaxTools));
        var key = cli.Keygen();
        var graph = cli.File("big.trjg");
        Assert.Equal(0, cli.Run("compile", policy, "-o", graph));
        Assert.Equal(0, cli.Run("seal", graph, "--key", key + ".key"));
        Assert.Equal(0, cli.Run("verify", graph, graph + ".seal", "--trusted", key + ".pub"));
        Assert.Equal(0, cli.Run("inspect", graph));
    }
}
