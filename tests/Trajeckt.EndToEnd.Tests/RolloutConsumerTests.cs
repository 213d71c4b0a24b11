using System.Text.Json;
using Trajeckt.EndToEnd.Tests.Infrastructure;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>
/// The rollout of docs/rollout.md ("On your own agent") as a new user runs it, outside the repository, from the
/// packed packages only: an existing agent on the generic host adds the Trajeckt package and the trajeckt .NET
/// tool (a tool manifest), runs in shadow mode from configuration with a signed decision log, and the
/// installed tool verifies the log, learns a policy from it, diffs and replays it; the agent rebuilt with the
/// learned policy, sealed with an operator key and enforcing, answers the benign conversations and refuses
/// the injected one.
/// </summary>
[Collection(Workbench.Collection)]
public sealed class RolloutConsumerTests(Workbench bench)
{
    private const string AppName = "OrderAgent";
    private static readonly string[] s_sources = ["Rollout/Tools.cs", "Rollout/Agent.cs", "Rollout/Program.cs", "Rollout/agent.traj", "Rollout/exfiltration.jsonl"];

    [Fact]
    public void An_existing_agent_goes_from_shadow_to_enforcement_with_the_installed_tool_and_the_packages()
    {
        _ = bench.CliToolPackage;
        var app = new ConsumerApp(bench.Sandbox, "rollout-app", bench.HostedAgentProjectFile(), bench.NugetConfig, name: AppName, sources: s_sources);
        var keys = bench.Sandbox.Folder("rollout-keys");
        // What the rollout writes stays out of the project folder, whose every *.traj the build compiles.
        var rollout = bench.Sandbox.Folder("rollout");
        var logs = Path.Combine(rollout, "logs");
        var learnedPolicy = Path.Combine(rollout, "learned.traj");

        // The tool, as a .NET user installs one: a manifest in the repository of the agent, the package from the feed.
        app.Dotnet("new", "tool-manifest").AssertSucceeded();
        app.Dotnet("tool", "install", Workbench.CliToolPackageId, "--version", bench.Version).AssertSucceeded();
        Assert.Contains(bench.Version, app.Dotnet("tool", "list").AssertSucceeded().Line("trajeckt.cli "));
        app.Dotnet("trajeckt", "keygen", "--out", Path.Combine(keys, "log")).AssertSucceeded();

        // 1. Shadow: the permissive first policy decides, the calls it would refuse run, and every decision is
        //    logged. Two runs of the app, as on two days: each start opens a log file of its own.
        app.Dotnet("build").AssertSucceeded();
        var dll = Path.Combine(app.OutputFolder("Debug"), AppName + ".dll");
        var shadow = new[] { "status,account", "newsletter,account" }.Select(conversations => app.Dotnet("run", "--no-build", "--",
            "--Trajeckt:Shadow", "true", "--Trajeckt:TrustDevelopmentKeys", "true",
            "--DecisionLog:Folder", logs, "--DecisionLog:Key", Path.Combine(keys, "log.key"),
            "--Conversations", conversations).AssertSucceeded()).ToList();
        var shadowLines = shadow.SelectMany(run => run.Lines).ToList();
        Assert.All(shadow, run => Assert.Contains("runs in SHADOW MODE", run.Output));
        Assert.All(shadow, run => Assert.Contains("reply_to_customer would be refused (flow) and runs in shadow mode", run.Output));
        Assert.Equal(3, shadowLines.Count(l => l.StartsWith("REPLIED: ", StringComparison.Ordinal)));
        Assert.Contains("SENT to team@example.com: Order 30 shipped today.", shadowLines);
        Assert.DoesNotContain(shadowLines, l => l.StartsWith("refused ", StringComparison.Ordinal));
        string[] logFiles = [Path.Combine(logs, "decisions-000001.jsonl"), Path.Combine(logs, "decisions-000002.jsonl")];
        Assert.Equal(logFiles, Directory.GetFiles(logs).Order(StringComparer.Ordinal));

        // 2. Verify: each file verifies with the public half of the log key; an edit that hides a would-refusal is named.
        var verified = app.Dotnet(["trajeckt", "log", "verify", .. logFiles, "--key", Path.Combine(keys, "log.pub")]).AssertSucceeded();
        Assert.Equal(2, verified.Lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @": verified: \d+ entries, \d+ checkpoints")));
        var (tampered, editedEntry) = HideFirstWouldRefusal(logFiles[1]);
        var caught = app.Dotnet("trajeckt", "log", "verify", tampered, "--key", Path.Combine(keys, "log.pub"));
        Assert.Equal(1, caught.ExitCode);
        Assert.Contains($"error: entry {editedEntry} was altered", caught.Output);

        // 3. Learn from the log, with the effects the attributes declare, read from the built assembly.
        app.Dotnet("trajeckt", "learn", logs, "--policy", dll, "-o", learnedPolicy).AssertSucceeded();
        var learned = File.ReadAllText(learnedPolicy);
        Assert.Contains("trajectory Agent {", learned);
        Assert.Contains("tool read_customer : sensitive(customer-pii);", learned);
        Assert.Contains("flow customer-pii -> reply_to_customer;", learned);
        Assert.DoesNotContain("-> send_email", learned);

        // 4. Review: what changes against the first policy, and on the recorded runs.
        var diff = app.Dotnet("trajeckt", "diff", dll, learnedPolicy, "--traces", logs);
        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("flow added: customer-pii -> reply_to_customer", diff.Output);
        Assert.Contains("traces: 2 of 4 run(s) change decision", diff.Output);
        // Replay fails exactly on the logged would-refusal the learned policy allows, and refuses the attack.
        var replay = app.Dotnet("trajeckt", "replay", learnedPolicy, logFiles[0]);
        Assert.Equal(1, replay.ExitCode);
        Assert.Contains("1 of 5 expectations failed", replay.Output);
        app.Dotnet("trajeckt", "replay", learnedPolicy, "exfiltration.jsonl").AssertSucceeded();

        // 5. Enforce: the learned policy replaces the first one, the build seals it with the operator's key, shadow is off.
        File.Copy(learnedPolicy, Path.Combine(app.Folder, "agent.traj"), overwrite: true);
        app.Dotnet("build", $"-p:TrajecktSigningKey={bench.OperatorKey}.key").AssertSucceeded();
        var enforced = app.Dotnet("run", "--no-build", "--", "--Trajeckt:TrustedKeys:0", bench.OperatorKey + ".pub",
            "--Conversations", "status,account,newsletter,injected").AssertSucceeded();
        Assert.DoesNotContain("SHADOW", enforced.Output);
        Assert.Equal(2, enforced.Lines.Count(l => l.StartsWith("REPLIED: ", StringComparison.Ordinal)));
        Assert.Contains("SENT to team@example.com: Order 30 shipped today.", enforced.Lines);
        Assert.Contains("refused send_email: transition", enforced.Lines);
        Assert.DoesNotContain("SENT to attacker", enforced.Output);
    }

    // An attacker who can write the log turns the first would-refusal into an allowed call; returns the copy and its seq.
    private static (string Path, long Seq) HideFirstWouldRefusal(string log)
    {
        var lines = File.ReadAllLines(log);
        var index = Array.FindIndex(lines, l => l.Contains("\"expect\":\"deny\"", StringComparison.Ordinal));
        Assert.True(index >= 0, $"no would-refusal in {log}");
        var seq = JsonDocument.Parse(lines[index]).RootElement.GetProperty("seq").GetInt64();
        lines[index] = lines[index].Replace("\"expect\":\"deny\"", "\"expect\":\"allow\"", StringComparison.Ordinal);
        // Beside the log folder, not in it: learn and diff read every *.jsonl below it.
        var tampered = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(log))!, "tampered.jsonl");
        File.WriteAllLines(tampered, lines);
        return (tampered, seq);
    }
}
