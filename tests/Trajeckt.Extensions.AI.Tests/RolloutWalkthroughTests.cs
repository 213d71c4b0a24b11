using SupportAgent;
using Trajeckt.Cli;
using Trajeckt.Traj;

namespace Trajeckt.Extensions.AI.Tests;

/// <summary>
/// The worked example of docs/rollout.md, run from the page itself so the page cannot rot: the sample's
/// shadow run with a decision log, then every <c>trajeckt</c> line of the block (log verify, learn, diff,
/// replay) in process, then the sample's prompt-injected conversation under the learned policy, enforced.
/// </summary>
public sealed class RolloutWalkthroughTests
{
    private const string AppAssembly = "samples/SupportAgent/bin/Debug/net10.0/SupportAgent.dll";

    [Fact]
    public async Task The_documented_rollout_learns_from_benign_runs_and_still_refuses_the_exfiltration()
    {
        var root = RepositoryRoot();
        var lines = WorkedExample(Path.Combine(root, "docs", "rollout.md"));
        Assert.StartsWith("alias trajeckt=", lines[0], StringComparison.Ordinal);
        Assert.Equal("dotnet build samples/SupportAgent", lines[1]);
        const string run = "dotnet run --project samples/SupportAgent -- ";
        Assert.StartsWith(run, lines[2], StringComparison.Ordinal);

        var work = Path.Combine(Path.GetTempPath(), "trajeckt-rollout-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            // 1. Shadow: the sample's own --shadow run, over the graph its build compiled (sealed here with a test key).
            var shadowArgs = Map(lines[2][run.Length..], root, work);
            Assert.True(ShadowRun.TryParse(shadowArgs, out var folder));
            var shadowOutput = new StringWriter();
            var code = await new ShadowRun(shadowOutput, ConsoleStyle.Plain).RunAsync(folder,
                log => TestSessions.Sealed(TrajecktGraphs.Support.Encoding.ToArray(), new TrajecktOptions { Shadow = true, DecisionLog = log }));
            Assert.Equal(0, code);
            Assert.Contains("3  read_ticket      allow    shadow: would refuse: transition:", shadowOutput.ToString());

            // 2-5. Every trajeckt line of the page, with the exit code its step documents.
            var commands = lines.Skip(3).ToList();
            Assert.Equal(["log", "learn", "diff", "replay"], commands.Select(c => c.Split(' ')[1]));
            var verify = Cli(commands[0], root, work);
            Assert.True(verify.Code == 0, verify.Error);
            Assert.Contains("verified: 15 entries, 2 checkpoints", verify.Output);

            var learn = Cli(commands[1], root, work);
            Assert.True(learn.Code == 0, learn.Error);
            Assert.Contains("1 flow(s) need your confirmation: customer-pii -> reply_ticket", learn.Error);
            var learned = TrajCompiler.Compile(File.ReadAllText(Path.Combine(work, "rollout", "learned.traj")), "learned.traj");
            Assert.True(learned.Success);
            var graph = Assert.Single(learned.Trajectories).Graph;
            Assert.Equal(["read_customer", "read_ticket", "reply_ticket"], graph.Tools.Select(t => t.Name));

            var diff = Cli(commands[2], root, work);
            Assert.True(diff.Code == 1, diff.Output + diff.Error);
            var report = diff.Output.Split(Environment.NewLine);
            Assert.Contains("  tools removed: list_files, memory_read, memory_write, post_team_group, read_file, read_report, save_memory, send_email, send_external, update_records", report);
            Assert.Contains("  plan: only the new policy allows read_ticket reply_ticket read_ticket (the old one refuses the last call: transition)", report);
            Assert.Contains("traces: 1 of 4 run(s) change decision", report);
            Assert.Contains(report, l => l.Contains(": step 8 read_ticket: deny (shadow: would refuse: transition: ", StringComparison.Ordinal) && l.EndsWith("-> allow", StringComparison.Ordinal));

            var replay = Cli(commands[3], root, work);
            Assert.True(replay.Code == 0, replay.Output + replay.Error);
            Assert.Contains(replay.Output.Split(Environment.NewLine), l => l.Contains("send_email", StringComparison.Ordinal) && l.Contains("deny      unknown_tool", StringComparison.Ordinal));

            // Enforce: the sample's prompt-injected support desk under the learned policy, sealed.
            var desk = new SupportDesk();
            using var session = TestSessions.Sealed(learned.Trajectories[0].Encoding);
            var phase = Scenarios.SupportDesk(session, desk);
            var output = new StringWriter();
            await new AgentRunner(output, ConsoleStyle.Plain, new SupportAgent.DecisionLog(output, ConsoleStyle.Plain)).RunAsync(phase, new ScriptedModel(phase.Script), CancellationToken.None);
            Assert.Empty(desk.SentEmails);
            Assert.Single(desk.Replies);
            var sendEmail = Assert.Single(session.GetRecentDecisions(), d => d.ToolName == "send_email");
            Assert.Equal(DecisionReason.UnknownTool, sendEmail.Reason);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static (int Code, string Output, string Error) Cli(string line, string root, string work)
    {
        var args = Map(line["trajeckt ".Length..], root, work);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    // Paths of the page are relative to the repository's root; the run's own files go to a fresh folder,
    // and the app's assembly is the sample build this test project references.
    private static string[] Map(string arguments, string root, string work) =>
        arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(token => token switch
        {
            AppAssembly => typeof(SupportDesk).Assembly.Location,
            _ when token == "rollout" || token.StartsWith("rollout/", StringComparison.Ordinal) => Path.Combine(work, token),
            _ when token.StartsWith("samples/", StringComparison.Ordinal) => Path.Combine(root, token),
            _ => token,
        }).ToArray();

    private static List<string> WorkedExample(string page)
    {
        var text = File.ReadAllLines(page);
        var marker = Array.FindIndex(text, l => l.StartsWith("<!-- worked-example", StringComparison.Ordinal));
        Assert.True(marker >= 0, "docs/rollout.md has no worked-example block");
        Assert.Equal("```sh", text[marker + 1]);
        return text.Skip(marker + 2).TakeWhile(l => l != "```").ToList();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Trajeckt.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("the repository root (Trajeckt.sln) was not found above " + AppContext.BaseDirectory);
    }
}
