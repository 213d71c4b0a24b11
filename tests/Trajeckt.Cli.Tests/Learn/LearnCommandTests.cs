using Trajeckt.Replay;
using Trajeckt.Cli.Tests.Rollout;
using Trajeckt.Traj;

namespace Trajeckt.Cli.Tests.Learn;

/// <summary><c>trajeckt learn</c> in process: evidence in, a proven, commented policy out.</summary>
public class LearnCommandTests
{
    private static readonly string s_policy = SupportAgent.Policy("flow customer-pii -> reply_to_ticket, send_email;");

    [Fact]
    public void Learns_from_benign_runs_and_still_refuses_the_exfiltration()
    {
        using var folder = new TempFolder();
        var (runs, attack, policy) = Recordings(folder);
        var output = folder.File("learned.traj");

        var run = CliRun.Of("learn", runs, "--negative", attack, "--policy", policy, "-o", output);

        Assert.Equal(0, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Contains("customer-pii -> reply_to_ticket", run.Error);
        var text = File.ReadAllText(output);
        Assert.Contains("// CONFIRM customer-pii -> reply_to_ticket: needed by", text);
        Assert.Contains("flow customer-pii -> reply_to_ticket;", text);
        Assert.DoesNotContain("send_email", text.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        var compiled = TrajCompiler.Compile(text, output);
        Assert.True(compiled.Success);

        // The attack is refused when replayed against what was learned.
        var replay = CliRun.Of("replay", output, attack);
        Assert.Contains("deny", replay.Output);
        var denied = new TraceRunner(compiled.Trajectories[0]).RunFile(attack).Where(r => r.Decision == ReplayDecision.Deny).ToList();
        Assert.NotEmpty(denied);
    }

    [Fact]
    public void The_same_evidence_gives_the_same_file()
    {
        using var folder = new TempFolder();
        var (runs, attack, policy) = Recordings(folder);
        var first = CliRun.Of("learn", runs, "--negative", attack, "--policy", policy);
        var second = CliRun.Of("learn", runs, "--negative", attack, "--policy", policy);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public void A_negative_run_the_plan_cannot_tell_apart_fails_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var (runs, _, policy) = Recordings(folder);
        // The same calls as a benign run, labelled an attack: no policy learned from that run refuses it.
        var copy = folder.File("same-as-benign.jsonl", File.ReadAllText(Path.Combine(runs, "a.jsonl")));
        var output = folder.File("out.traj");

        var run = CliRun.Of("learn", runs, "--negative", copy, "--policy", policy, "-o", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("same-as-benign.jsonl: negative run not refused", run.Error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_recorded_refusal_is_a_negative_example()
    {
        using var folder = new TempFolder();
        var (runs, _, policy) = Recordings(folder);
        var refused = folder.File("refused.jsonl", "{\"call\": \"read_ticket\"}\n{\"call\": \"search_kb\"}\n{\"call\": \"search_kb\", \"expect\": \"deny\", \"reason\": \"transition\"}\n");

        var run = CliRun.Of("learn", runs, refused, "--policy", policy, "-k", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Refuses 1 of 1 negative run by itself", run.Output);
    }

    [Fact]
    public void An_invalid_trace_is_a_positioned_error()
    {
        using var folder = new TempFolder();
        var bad = folder.File("bad.jsonl", "{\"call\": \"a\"}\n{\"cal\": \"b\"}\n");
        var run = CliRun.Of("learn", bad);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.jsonl(2,2): error TRC0005", run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public void Names_from_recordings_cannot_break_out_of_a_comment()
    {
        using var folder = new TempFolder();
        var hostile = folder.File("x\u2028tool evil;\n.jsonl", "{\"call\": \"a\", \"labels\": [\"l\\u2028flow l -> a;\"]}\n");
        var run = CliRun.Of("learn", hostile);
        Assert.Equal(0, run.ExitCode);
        var compiled = TrajCompiler.Compile(run.Output, "learned.traj");
        Assert.True(compiled.Success);
        Assert.Equal(["a"], compiled.Trajectories[0].Graph.Tools.Select(t => t.Name));
        Assert.Contains("\\u2028tool evil;\\u000A.jsonl", run.Output);
    }

    private static (string Runs, string Attack, string Policy) Recordings(TempFolder folder)
    {
        var runs = Path.Combine(folder.Path, "runs");
        Directory.CreateDirectory(runs);
        File.WriteAllText(Path.Combine(runs, "a.jsonl"), Trace("read_ticket", "read_customer", "reply_to_ticket"));
        File.WriteAllText(Path.Combine(runs, "b.jsonl"), Trace("read_ticket", "search_kb", "reply_to_ticket"));
        File.WriteAllText(Path.Combine(runs, "c.jsonl"), Trace("read_ticket", "read_customer", "search_kb", "reply_to_ticket"));
        var attack = folder.File("attack.jsonl", Trace("read_ticket", "read_customer", "send_email"));
        return (runs, attack, folder.File("policy.traj", s_policy));
    }

    private static string Trace(params string[] tools) => string.Concat(tools.Select(t => $"{{\"call\": \"{t}\"}}\n"));
}
