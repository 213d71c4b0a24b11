using Trajeckt.Audit;
using Trajeckt.Sealing;
using Trajeckt.Traj;

namespace Trajeckt.Cli.Tests.Rollout;

/// <summary>
/// The rollout loop of docs/rollout.md with the CLI in process: run in shadow with a permissive policy
/// and a decision log, verify the log, learn from the benign sessions only, and enforce: the
/// exfiltration is refused.
/// </summary>
public class ShadowToEnforcementTests
{
    // Day one: every tool in any order, no flows. Shadow mode lets the flow refusals run.
    private const string Permissive = """
        trajectory Support {
          tool read_ticket : origin(Untrusted);
          tool read_customer : sensitive(customer-pii);
          tool search_kb;
          tool reply_to_ticket : sink(external);
          tool send_email : sink(external);
        }
        """;

    [Fact]
    public void Shadow_log_learn_enforce()
    {
        using var folder = new TempFolder();
        using var key = OperatorKeyPair.Generate();
        var publicKey = folder.File("log.pub");
        PublicKeyFile.Write(publicKey, key.PublicKey);
        var start = folder.File("start.traj", Permissive);
        var logFolder = Path.Combine(folder.Path, "logs");

        var trajectory = TrajCompiler.Compile(Permissive, "start.traj").Trajectories[0];
        using (var log = new DecisionLog(new FileDecisionLogSink(logFolder), key))
        {
            var commitment = Commitment.FromVerifiedGraph(trajectory.Graph, trajectory.Encoding);
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
        var logFile = Directory.GetFiles(logFolder).Single();

        Assert.Equal(0, CliRun.Of("log", "verify", logFile, "--key", publicKey).ExitCode);
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
