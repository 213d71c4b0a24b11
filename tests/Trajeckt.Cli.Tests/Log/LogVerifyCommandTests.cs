using Trajeckt.Cli.Tests.Rollout;

namespace Trajeckt.Cli.Tests.Log;

/// <summary><c>trajeckt log verify</c>: exit 0 for an intact log, 1 naming the first tampered entry, 2 for bad input.</summary>
public class LogVerifyCommandTests
{
    [Fact]
    public void Verifies_an_intact_log_and_names_the_first_altered_entry()
    {
        using var folder = new TempFolder();
        using var signed = new SignedLog(folder);
        using (var log = signed.Open())
        {
            var session = TrajecktSession.Create(SupportAgent.Commit("trajectory T { tool a; tool b; plan a b; }"), new TrajecktOptions { DecisionLog = log });
            session.Begin("a");
            session.Begin("a");
            session.Begin("b");
        }
        var path = signed.File;
        var publicKey = signed.PublicKey;

        var intact = CliRun.Of("log", "verify", path, "--key", publicKey);
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("verified: 5 entries, 2 checkpoints", intact.Output);

        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace("\"deny\"", "\"allow\"", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var altered = CliRun.Of("log", "verify", path, "--key", signed.Key.PublicKey.ToString());
        Assert.Equal(1, altered.ExitCode);
        Assert.Contains("first bad entry 3", altered.Output);
        Assert.Contains("(4,1): error: entry 3 was altered", altered.Error);

        var badKey = CliRun.Of("log", "verify", path, "--key", "nonsense");
        Assert.Equal(2, badKey.ExitCode);
        badKey.AssertNoStackTrace();
    }
}
