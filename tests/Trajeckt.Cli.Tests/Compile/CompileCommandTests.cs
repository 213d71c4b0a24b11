using Trajeckt.TestSupport;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli.Tests.Compile;

public class CompileCommandTests
{
    public static TheoryData<string> VectorPolicies()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in RepoPaths.AllVectors())
            data.Add(name);
        return data;
    }

    private static string PolicyOf(string vector) =>
        RepoPaths.AllVectors().Single(v => v.Name == vector).Folder + "/policy.traj";

    [Theory]
    [MemberData(nameof(VectorPolicies))]
    public void Compiles_every_vector_policy(string vector)
    {
        var run = CliRun.Of("compile", PolicyOf(vector));
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\S+: digest [0-9a-f]{64}, \d+ tools?, \d+ states?, \d+ transitions?, \d+ labels?", run.Output);
    }

    [Theory]
    [MemberData(nameof(VectorPolicies))]
    public void Inspects_every_vector_policy_in_every_format(string vector)
    {
        foreach (var format in new[] { "text", "dot", "mermaid" })
        {
            var run = CliRun.Of("inspect", PolicyOf(vector), "--format", format);
            Assert.Equal(0, run.ExitCode);
            Assert.NotEmpty(run.Output);
        }
    }

    [Fact]
    public void Writes_the_graph_and_inspect_reads_it_back_with_the_same_digest()
    {
        using var temp = new TempFolder();
        var policy = temp.File("p.traj", "trajectory A { tool a; } trajectory B { tool r : sensitive(pii); tool s : sink(external); plan r s; }");
        var graphPath = temp.File("b.graph");

        var compile = CliRun.Of("compile", policy, "-o", graphPath, "--trajectory", "B");
        Assert.Equal(0, compile.ExitCode);
        var digest = GraphDigest.Compute(File.ReadAllBytes(graphPath)).ToString();
        Assert.Contains($"B: digest {digest}", compile.Output);

        var inspect = CliRun.Of("inspect", graphPath);
        Assert.Equal(0, inspect.ExitCode);
        Assert.Contains("trajectory B", inspect.Output);
        Assert.Contains(digest, inspect.Output);
        Assert.Contains("s  sink(external)", inspect.Output);
        Assert.Contains("pii -> (no external sink)", inspect.Output);
    }

    [Fact]
    public void Broken_policy_prints_file_line_col_diagnostics_and_exits_2()
    {
        using var temp = new TempFolder();
        var policy = temp.File("broken.traj", "trajectory T {\n  tool a;\n  plan a nope;\n}\n");
        var run = CliRun.Of("compile", policy);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{policy}(3,10): error TRJ0101:", run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public void Warnings_are_printed_but_do_not_fail()
    {
        using var temp = new TempFolder();
        var policy = temp.File("warn.traj", "trajectory T {\n  tool a;\n  authorize a by Memory;\n}\n");
        var run = CliRun.Of("compile", policy);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{policy}(3,13): warning TRJ0150:", run.Error);
    }

    [Theory]
    [InlineData("compile")]
    [InlineData("inspect")]
    [InlineData("fmt")]
    public void Missing_file_is_a_one_line_error(string command)
    {
        var run = CliRun.Of(command, "/nonexistent/policy.traj");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("trajeckt: error: /nonexistent/policy.traj: file not found", run.Error.Trim());
    }

    [Fact]
    public void Corrupt_graph_is_refused_with_its_byte_offset()
    {
        using var temp = new TempFolder();
        var path = temp.File("bad.graph");
        File.WriteAllBytes(path, "TRJG\u0001\u0000garbage"u8.ToArray());
        var run = CliRun.Of("inspect", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"bad\.graph\(byte \d+\): ", run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public void Dot_and_mermaid_mark_sinks_and_accepting_states()
    {
        using var temp = new TempFolder();
        var policy = temp.File("p.traj", "trajectory T { tool r : sensitive(pii); tool s : sink(external); plan r s; }");
        var dot = CliRun.Of("inspect", policy, "--format", "dot").Output;
        Assert.Contains("digraph \"T\"", dot);
        Assert.Contains("shape=doublecircle", dot);
        Assert.Contains("s [external sink]", dot);
        Assert.Contains("color=\"red\"", dot);
        var mermaid = CliRun.Of("inspect", policy, "--format", "mermaid").Output;
        Assert.StartsWith("flowchart LR", mermaid);
        Assert.Contains("r [sensitive]", mermaid);
        Assert.Contains("s2(((s2)))", mermaid);
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        using var temp = new TempFolder();
        var policy = temp.File("p.traj", "trajectory T { tool a; }");
        Assert.Equal(2, CliRun.Of("inspect", policy, "--format", "png").ExitCode);
    }
}
