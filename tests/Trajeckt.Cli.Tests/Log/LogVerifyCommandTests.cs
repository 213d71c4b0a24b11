using Trajeckt.Audit;
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

    [Fact]
    public void A_folder_is_verified_file_by_file_and_a_file_removed_or_replaced_is_named()
    {
        using var folder = new TempFolder();
        using var signed = new SignedLog(folder);
        for (var run = 0; run < 3; run++)
        {
            // Each start of the application opens the log again on the same folder: a new file that continues the chain.
            using var log = signed.Open();
            var session = TrajecktSession.Create(SupportAgent.Commit("trajectory T { tool a; }"), new TrajecktOptions { DecisionLog = log });
            session.Begin("a");
        }
        var files = Directory.GetFiles(signed.Folder).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, files.Count);

        var intact = CliRun.Of("log", "verify", signed.Folder, "--key", signed.PublicKey);
        Assert.Equal(0, intact.ExitCode);
        Assert.Equal(3, intact.Output.Split("verified: 3 entries").Length - 1);
        Assert.Contains("decisions-000003.jsonl: verified: 3 entries, 2 checkpoints signed by " + signed.Key.KeyId + "; entries 7 to 9", intact.Output);

        var laterOnly = CliRun.Of("log", "verify", files[2], "--key", signed.PublicKey);
        Assert.Equal(0, laterOnly.ExitCode);
        Assert.Contains("continues entry 6 of an earlier file not given", laterOnly.Output);

        var outOfOrder = CliRun.Of("log", "verify", files[2], files[1], "--key", signed.PublicKey);
        Assert.Equal(1, outOfOrder.ExitCode);
        Assert.Contains("entry 4 appears again", outOfOrder.Error);

        var middle = File.ReadAllBytes(files[1]);
        File.Delete(files[1]);
        var removed = CliRun.Of("log", "verify", signed.Folder, "--key", signed.PublicKey);
        Assert.Equal(1, removed.ExitCode);
        Assert.Contains("decisions-000003.jsonl: NOT verified: it does not continue decisions-000001.jsonl; first bad entry 4", removed.Output);
        Assert.Contains("decisions-000003.jsonl(1,1): error: entries 4 to 6 were removed", removed.Error);

        // The middle run's file put back, and the first replaced by a log of its own: a new chain where one was continued.
        File.WriteAllBytes(files[1], middle);
        using (var other = new TempFolder())
        {
            using (var log = new DecisionLog(new FileDecisionLogSink(other.Path), signed.Key))
                TrajecktSession.Create(SupportAgent.Commit("trajectory T { tool a; }"), new TrajecktOptions { DecisionLog = log }).Begin("a");
            File.Copy(Directory.GetFiles(other.Path).Single(), files[0], overwrite: true);
        }
        var replaced = CliRun.Of("log", "verify", signed.Folder, "--key", signed.PublicKey);
        Assert.Equal(1, replaced.ExitCode);
        Assert.Contains("decisions-000002.jsonl(1,1): error: entry 4 does not chain to the last line of decisions-000001.jsonl", replaced.Error);
    }

    [Fact]
    public void A_folder_without_log_files_is_bad_input()
    {
        using var folder = new TempFolder();
        using var signed = new SignedLog(folder);
        Directory.CreateDirectory(signed.Folder);

        var empty = CliRun.Of("log", "verify", signed.Folder, "--key", signed.PublicKey);

        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("the folder holds no decision log files", empty.Error);
        empty.AssertNoStackTrace();
    }
}
