namespace Trajeckt.Cli.Tests.Rollout;

/// <summary>
/// The rollout loop of docs/rollout.md with the CLI in process: run in shadow with a permissive policy
/// and a decision log, verify the log, learn from the benign sessions only, and enforce: the
/// exfiltration is refused.
/// </summary>
public class ShadowToEnforcementTests
{
    // Day one: every tool in any order, no flows. Shadow mode lets the flow refusals run.
    private static readonly string s_permissive = SupportAgent.Policy();

    [Fact]
    public void Shadow_log_learn_enforce()
    {
        using var folder = new TempFolder();
        using var signed = new SignedLog(folder);
        var start = folder.File("start.traj", s_permissive);

        using (var log = signed.Open())
        {
            var commitment = SupportAgent.Commit(s_permissive);
            string[][] benign =
            [
                ["read_ticket", "read_customer", "reply_to_ticket"],
                ["read_ticket", "search_kb", "reply_to_ticket"],
                ["read_ticket", "read_customer", "search_kb", "reply_to_ticket"],
                ["read_ticket", "search_kb", "search_kb", "reply_to_ticket"],
            ];
            foreach (var run in benign)
            {
                var session = TrajecktSession.Create(commitment, new TrajecktOptions { Shadow = true, DecisionLog = log });
                foreach (var tool in run)
                {
                    var decision = session.Begin(tool);
                    Assert.True(decision.IsAllowed);
                    session.Complete(in decision);
                }
            }
        }
        var logFile = signed.File;

        Assert.Equal(0, CliRun.Of("log", "verify", logFile, "--key", signed.PublicKey).ExitCode);
        // The permissive policy would have refused the benign replies (customer-pii has no flow): shadow ran them.
        Assert.Contains("\"reason\":\"flow\",\"shadow\":true", File.ReadAllText(logFile));

        var learned = folder.File("learned.traj");
        var learn = CliRun.Of("learn", logFile, "--policy", start, "-o", learned);
        Assert.True(learn.ExitCode == 0, learn.Error);
        Assert.Contains("customer-pii -> reply_to_ticket", learn.Error);

        var attack = folder.File("exfiltration.jsonl",
            "{\"call\": \"read_ticket\"}\n{\"call\": \"read_customer\"}\n{\"call\": \"send_email\", \"expect\": \"deny\"}\n");
        var replay = CliRun.Of("replay", learned, attack);
        Assert.True(replay.ExitCode == 0, replay.Output + replay.Error);
        // The recorded benign traffic replays unchanged against the learned policy except for the would-refusals it fixed.
        var benignReplay = CliRun.Of("replay", learned, logFile);
        Assert.Equal(1, benignReplay.ExitCode);
        Assert.Contains("expected deny (flow), got allow", benignReplay.Error);
    }
}
