namespace Trajeckt.Cli.Tests.Compile;

public class FormatCommandTests
{
    [Fact]
    public void Formats_in_place_then_check_passes()
    {
        using var temp = new TempFolder();
        var policy = temp.File("p.traj", "trajectory T{tool a:sink(external);tool b;plan a  b*;}");
        var check = CliRun.Of("fmt", policy, "--check");
        Assert.Equal(1, check.ExitCode);
        Assert.Equal("trajectory T{tool a:sink(external);tool b;plan a  b*;}", File.ReadAllText(policy));

        Assert.Equal(0, CliRun.Of("fmt", policy).ExitCode);
        var formatted = File.ReadAllText(policy);
        Assert.Contains("  tool a : sink(external);", formatted);
        Assert.Contains("  plan a b*;", formatted);

        var again = CliRun.Of("fmt", policy, "--check");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(formatted, File.ReadAllText(policy));
    }

    [Fact]
    public void Syntax_errors_are_reported_and_the_file_is_untouched()
    {
        using var temp = new TempFolder();
        var policy = temp.File("p.traj", "trajectory T { tool a : nonsense; }");
        var run = CliRun.Of("fmt", policy);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("p.traj(1,25): error TRJ00", run.Error);
        Assert.Equal("trajectory T { tool a : nonsense; }", File.ReadAllText(policy));
    }
}
