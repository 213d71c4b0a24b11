using System.Text.Json;
using Trajeckt.Traj;

namespace Trajeckt.Cli.Tests.Diff;

/// <summary><c>trajeckt diff</c>: the report, exit codes, inputs in every form, and changed decisions of recorded runs.</summary>
public class DiffCommandTests
{
    private const string Old = """
        trajectory Support {
          tool read_ticket : origin(Untrusted);
          tool read_customer : sensitive(customer-pii);
          tool reply_ticket : sink(external);
          tool send_email : sink(external);
          plan read_ticket (read_customer | send_email | reply_ticket)*;
          flow customer-pii -> reply_ticket, send_email;
        }
        """;

    private const string New = """
        trajectory Support {
          tool read_ticket : origin(Untrusted);
          tool read_customer : sensitive(customer-pii);
          tool reply_ticket : sink(external);
          tool search_kb;
          plan read_ticket read_customer? search_kb* reply_ticket;
          flow customer-pii -> reply_ticket;
          budget calls 10;
        }
        """;

    [Fact]
    public void Identical_policies_exit_0()
    {
        using var folder = new TempFolder();
        var old = folder.File("old.traj", Old);
        var reformatted = folder.File("same.traj", "// comments and order do not matter\n" + Old.Replace("tool send_email : sink(external);", "").Replace("tool read_ticket", "tool send_email : sink(external); tool read_ticket"));
        var run = CliRun.Of("diff", old, reformatted);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("trajectory Support: no difference", run.Output);
        Assert.EndsWith("identical: the policies decide every call alike" + Environment.NewLine, run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Differences_are_listed_and_exit_1()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("diff", folder.File("old.traj", Old), folder.File("new.traj", New));
        Assert.Equal(1, run.ExitCode);
        var lines = run.Output.Split(Environment.NewLine);
        Assert.Contains("  tools added: search_kb", lines);
        Assert.Contains("  tools removed: send_email", lines);
        Assert.Contains("  flow removed: customer-pii -> send_email", lines);
        Assert.Contains("  budget: none -> 10 calls", lines);
        Assert.Contains("  plan: only the old policy allows read_ticket send_email (the new one refuses the last call: unknown_tool)", lines);
        Assert.Contains("  plan: only the new policy allows read_ticket search_kb (the old one refuses the last call: unknown_tool)", lines);
        Assert.Contains("  plan over the tools both declare: only the old policy allows read_ticket read_customer read_customer (the new one refuses the last call: transition)", lines);
        Assert.Contains("  plan: only the old plan ends a complete run at read_ticket (not enforced)", lines);
        Assert.Contains("the policies differ", lines);
    }

    [Fact]
    public void Json_report_holds_every_difference()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("diff", folder.File("old.traj", Old), folder.File("new.traj", New), "--json");
        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.False(root.GetProperty("identical").GetBoolean());
        var trajectory = root.GetProperty("trajectories")[0];
        Assert.Equal("search_kb", trajectory.GetProperty("tools_added")[0].GetString());
        Assert.Equal(10, trajectory.GetProperty("budget").GetProperty("new").GetInt32());
        Assert.Equal(JsonValueKind.Null, trajectory.GetProperty("budget").GetProperty("old").ValueKind);
        var witness = trajectory.GetProperty("plan").GetProperty("allowed_only_by_new");
        Assert.Equal(["read_ticket", "search_kb"], witness.GetProperty("calls").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("unknown_tool", witness.GetProperty("refusal").GetString());
        Assert.Equal("send_email", trajectory.GetProperty("flows_removed")[0].GetProperty("tool").GetString());
    }

    [Fact]
    public void Traces_whose_decisions_change_are_named_with_their_first_changed_step()
    {
        using var folder = new TempFolder();
        var traces = Path.Combine(folder.Path, "traces");
        Directory.CreateDirectory(traces);
        File.WriteAllText(Path.Combine(traces, "a-exfiltration.jsonl"), "{\"call\":\"read_ticket\"}\n{\"call\":\"read_customer\"}\n{\"call\":\"send_email\"}\n{\"call\":\"send_email\"}\n");
        File.WriteAllText(Path.Combine(traces, "b-reply.jsonl"), "{\"call\":\"read_ticket\"}\n{\"call\":\"reply_ticket\"}\n");
        File.WriteAllText(Path.Combine(traces, "c-log.jsonl"),
            "{\"session\":\"s1\",\"call\":\"read_ticket\"}\n{\"session\":\"s2\",\"call\":\"read_ticket\"}\n{\"session\":\"s2\",\"call\":\"read_customer\"}\n"
            + "{\"session\":\"s1\",\"call\":\"reply_ticket\"}\n{\"session\":\"s2\",\"call\":\"read_customer\"}\n");
        var run = CliRun.Of("diff", folder.File("old.traj", Old), folder.File("new.traj", New), "--traces", traces);
        Assert.Equal(1, run.ExitCode);
        var lines = run.Output.Split(Environment.NewLine);
        Assert.Contains("traces: 2 of 4 run(s) change decision", lines);
        Assert.Contains(lines, l => l.StartsWith($"  {Path.Combine(traces, "a-exfiltration.jsonl")}: step 3 send_email: allow -> deny (unknown_tool: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"  {Path.Combine(traces, "c-log.jsonl")}#s2: step 5 read_customer: allow -> deny (transition: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("b-reply", StringComparison.Ordinal) || l.Contains("#s1", StringComparison.Ordinal));

        var json = CliRun.Of("diff", folder.File("old.traj"), folder.File("new.traj"), "--traces", traces, "--json");
        using var document = JsonDocument.Parse(json.Output);
        var changed = document.RootElement.GetProperty("traces").GetProperty("changed");
        Assert.Equal(2, changed.GetArrayLength());
        Assert.Equal("allow", changed[0].GetProperty("old").GetProperty("decision").GetString());
        Assert.Equal("unknown_tool", changed[0].GetProperty("new").GetProperty("reason").GetString());
        Assert.Equal(3, changed[0].GetProperty("step").GetInt32());
    }

    [Fact]
    public void Same_policy_with_traces_reports_no_change()
    {
        using var folder = new TempFolder();
        var old = folder.File("old.traj", Old);
        var trace = folder.File("t.jsonl", "{\"call\":\"read_ticket\"}\n{\"call\":\"read_customer\"}\n{\"call\":\"send_email\"}\n");
        var run = CliRun.Of("diff", old, old, "--traces", trace);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("traces: 0 of 1 run(s) change decision", run.Output);
    }

    [Fact]
    public void Graph_files_and_policies_compare_alike()
    {
        using var folder = new TempFolder();
        var graph = folder.File("old.trjg");
        File.WriteAllBytes(graph, TrajCompiler.Compile(Old, "old.traj").Trajectories[0].Encoding);
        var same = CliRun.Of("diff", graph, folder.File("old.traj", Old));
        Assert.Equal(0, same.ExitCode);
        Assert.Equal(1, CliRun.Of("diff", graph, folder.File("new.traj", New)).ExitCode);
    }

    [Fact]
    public void An_apps_assembly_is_read_for_its_graphs()
    {
        using var folder = new TempFolder();
        var support = TrajCompiler.Compile(Old, "old.traj").Trajectories[0];
        var app = AssemblySeal.EmittedAssembly.Write(folder.File("App.dll"), "App", ("Support", Convert.ToBase64String(support.Encoding)));
        var same = CliRun.Of("diff", app, folder.File("old.traj", Old));
        Assert.True(same.ExitCode == 0, same.Output + same.Error);
        var changed = CliRun.Of("diff", app, folder.File("new.traj", New), "-t", "Support");
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("  tools added: search_kb", changed.Output);

        var empty = CliRun.Of("diff", AssemblySeal.EmittedAssembly.Write(folder.File("Lib.dll"), "Lib"), app);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("Lib.dll: the assembly records no trajectory graph", empty.Error);
    }

    [Fact]
    public void Trajectories_pair_by_name_and_unpaired_ones_are_listed()
    {
        using var folder = new TempFolder();
        var old = folder.File("old.traj", Old + "\ntrajectory Gone { tool a; }\ntrajectory Kept { tool a; }");
        var @new = folder.File("new.traj", Old + "\ntrajectory Kept { tool a; tool b; }\ntrajectory Fresh { tool a; }");
        var run = CliRun.Of("diff", old, @new);
        Assert.Equal(1, run.ExitCode);
        var lines = run.Output.Split(Environment.NewLine);
        Assert.Contains("trajectory Support: no difference", lines);
        Assert.Contains("trajectory Kept", lines);
        Assert.Contains("trajectory Gone: only in the old policy", lines);
        Assert.Contains("trajectory Fresh: only in the new policy", lines);

        var one = CliRun.Of("diff", old, @new, "-t", "Support");
        Assert.Equal(0, one.ExitCode);
        Assert.DoesNotContain("Kept", one.Output);
    }

    [Fact]
    public void Single_trajectories_pair_whatever_their_names()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("diff", folder.File("old.traj", Old), folder.File("new.traj", Old.Replace("trajectory Support", "trajectory Learned")));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("trajectory Support -> Learned", run.Output);
    }

    [Fact]
    public void Names_cannot_drive_the_terminal()
    {
        using var folder = new TempFolder();
        var hostile = "trajectory T { tool \"evil\u202Etxt.exe\u001b[2J\"; tool a; }";
        var run = CliRun.Of("diff", folder.File("old.traj", "trajectory T { tool a; }"), folder.File("new.traj", hostile));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("  tools added: evil\\u202etxt.exe\\u001b[2J", run.Output);
        Assert.DoesNotContain("\u202E", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Output, StringComparison.Ordinal);

        var json = CliRun.Of("diff", folder.File("old.traj"), folder.File("new.traj"), "--json");
        Assert.DoesNotContain("\u202E", json.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal("evil\u202Etxt.exe\u001b[2J", document.RootElement.GetProperty("trajectories")[0].GetProperty("tools_added")[0].GetString());
    }

    [Fact]
    public void Traces_need_one_pair_of_trajectories()
    {
        using var folder = new TempFolder();
        var two = folder.File("two.traj", Old + "\ntrajectory Other { tool a; }");
        var run = CliRun.Of("diff", two, two, "--traces", folder.File("t.jsonl", "{\"call\":\"a\"}\n"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--traces replays one trajectory", run.Error);
    }

    [Fact]
    public void Invalid_inputs_exit_2_with_file_and_position()
    {
        using var folder = new TempFolder();
        var old = folder.File("old.traj", Old);
        var broken = folder.File("broken.traj", "trajectory T {\n  tool a@;\n}\n");
        var run = CliRun.Of("diff", old, broken);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.traj(2,9): error TRJ0001", run.Error);
        run.AssertNoStackTrace();

        var missing = CliRun.Of("diff", old, folder.File("missing.traj"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("missing.traj: file not found", missing.Error);

        var badTrace = CliRun.Of("diff", old, old, "--traces", folder.File("bad.jsonl", "{\"call\":\"a\"}\n{\"cal\":\"b\"}\n"));
        Assert.Equal(2, badTrace.ExitCode);
        Assert.Contains("bad.jsonl(2,2): error TRC0005", badTrace.Error);
        Assert.Equal("", badTrace.Output);
        badTrace.AssertNoStackTrace();

        var unknown = CliRun.Of("diff", old, old, "-t", "Nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no trajectory named 'Nope'", unknown.Error);
    }
}
