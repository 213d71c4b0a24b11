using System.Text.Json;

namespace Trajeckt.Cli.Tests.Replay;

public sealed class ReplayCommandTests : IDisposable
{
    private const string Policy = """
        trajectory Support {
          tool read_customer : sensitive(customer-pii);
          tool search_kb;
          tool send_email    : sink(external);
          tool save_memory   : sink(control);
          plan _*;
        }
        trajectory Narrow {
          tool search_kb;
        }
        """;

    private readonly TempFolder _files = new();
    private readonly string _policy;

    public ReplayCommandTests() => _policy = _files.File("policy.traj", Policy);

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Json_output_has_exactly_the_five_fields_for_each_kind_of_event()
    {
        var trace = _files.File("trace.jsonl", """
            {"input": "Memory"}
            {"call": "read_customer"}
            {"call": "send_email"}
            {"authorize": "save_memory", "by": "TrustedUser"}
            {"authorize": "search_kb", "by": "TrustedUser"}
            """);

        var run = ReplayCli.Run(_policy, trace, "--json");

        Assert.Equal(0, run.ExitCode);
        var lines = run.JsonLines();
        Assert.Equal(5, lines.Count);
        Assert.All(lines, o => Assert.Equal(["step", "tool", "decision", "reason", "message"], o.EnumerateObject().Select(p => p.Name)));
        AssertLine(lines[0], 1, null, "input", null, hasMessage: false);
        AssertLine(lines[1], 2, "read_customer", "allow", null, hasMessage: false);
        AssertLine(lines[2], 3, "send_email", "deny", "flow", hasMessage: true);
        AssertLine(lines[3], 4, "save_memory", "accepted", null, hasMessage: true);
        AssertLine(lines[4], 5, "search_kb", "rejected", "authorization_rejected", hasMessage: true);
        Assert.Contains("customer-pii", lines[2].GetProperty("message").GetString());
        Assert.Equal("replay Support: 5 steps (1 allowed, 1 denied, 1 accepted, 1 rejected, 1 input); no expectations", run.Error.Trim());
    }

    [Fact]
    public void Text_output_shows_step_event_tool_decision_reason_and_message()
    {
        var trace = _files.File("trace.jsonl", "{\"input\": \"Memory\"}\n{\"call\": \"read_customer\", \"expect\": \"allow\"}\n{\"call\": \"send_email\", \"expect\": \"deny\", \"reason\": \"flow\"}\n");

        var run = ReplayCli.Run(_policy, trace);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var lines = run.OutputLines();
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^ +1  input +Memory +input$", lines[0]);
        Assert.Matches(@"^ +2  call +read_customer +allow$", lines[1]);
        Assert.Matches(@"^ +3  call +send_email +deny +flow +flow: .*customer-pii.*send_email", lines[2]);
        Assert.Equal("replay Support: 3 steps (1 allowed, 1 denied, 1 input); all 2 expectations held", lines[3]);
    }

    [Fact]
    public void A_failed_expectation_exits_1_and_says_which_step_and_what_was_expected()
    {
        var trace = _files.File("trace.jsonl", """
            {"note": "the exfiltration is refused, but this trace says it is not"}
            {"call": "read_customer", "expect": "allow"}
            {"call": "send_email", "expect": "allow"}
            {"authorize": "search_kb", "by": "TrustedUser", "expect": "accepted"}
            """);

        var run = ReplayCli.Run(_policy, trace);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"^!    2  call +send_email +deny +flow .*\[expected allow, got deny \(flow\)\]$", run.OutputLines()[1]);
        Assert.Matches(@"^!    3  authorize +search_kb +rejected .*\[expected accepted, got rejected \(authorization_rejected\)\]$", run.OutputLines()[2]);
        Assert.Equal("replay Support: 3 steps (1 allowed, 1 denied, 1 rejected); 2 of 3 expectations failed, the first at step 2", run.OutputLines()[3]);
        Assert.Equal(
            [
                $"{trace}(3,1): expectation failed: step 2, call send_email: expected allow, got deny (flow)",
                $"{trace}(4,1): expectation failed: step 3, authorize search_kb: expected accepted, got rejected (authorization_rejected)",
            ],
            run.ErrorLines());
    }

    [Fact]
    public void A_failed_expectation_in_json_mode_exits_1_with_the_summary_on_standard_error()
    {
        var trace = _files.File("trace.jsonl", "{\"call\": \"search_kb\", \"expect\": \"deny\"}\n");

        var run = ReplayCli.Run(_policy, trace, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("allow", run.JsonLines().Single().GetProperty("decision").GetString());
        Assert.Equal(2, run.ErrorLines().Length);
        Assert.Contains("step 1, call search_kb: expected deny, got allow", run.ErrorLines()[0]);
        Assert.Contains("1 of 1 expectation failed", run.ErrorLines()[1]);
    }

    [Fact]
    public void An_invalid_trace_exits_2_with_its_position_and_prints_no_half_run()
    {
        var trace = _files.File("trace.jsonl", "{\"call\": \"search_kb\"}\n{\"call\": \"search_kb\"}\n{\"authorize\": \"save_memory\"}\n");

        var run = ReplayCli.Run(_policy, trace);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"{trace}(3,2): error TRC0009: the authorization of 'save_memory' has no 'by'", run.Error.Trim());
        run.AssertNoStackTrace();
    }

    [Theory]
    [InlineData("{\"call\": \"a\", \"expect\": \"yes\"}", "(1,25): error TRC0013:")]
    [InlineData("{\"input\": \"Admin\"}", "(1,11): error TRC0012:")]
    [InlineData("{\"call\": \"a\"}\n{\"options\": {}}", "(2,2): error TRC0016:")]
    [InlineData("{\"call\": \"a\",", "(1,13): error TRC0001:")]
    public void Every_trace_error_exits_2_with_a_file_line_column_diagnostic(string text, string expected)
    {
        var trace = _files.File("trace.jsonl", text);

        var run = ReplayCli.Run(_policy, trace, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith(trace + expected, run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public void An_invalid_policy_exits_2_with_the_compiler_diagnostics()
    {
        var policy = _files.File("bad.traj", "trajectory X {\n  tool a;\n  plan b;\n}\n");
        var trace = _files.File("trace.jsonl", "{\"call\": \"a\"}\n");

        var run = ReplayCli.Run(policy, trace);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Matches(@"bad\.traj\(3,\d+\): error TRJ\d{4}: ", run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public void Trajectory_selects_another_trajectory_and_an_unknown_one_exits_2()
    {
        var trace = _files.File("trace.jsonl", "{\"call\": \"read_customer\"}\n");

        Assert.Contains("unknown_tool", ReplayCli.Run(_policy, trace, "--trajectory", "Narrow").Output);
        Assert.Contains("replay Support:", ReplayCli.Run(_policy, trace).Output);

        var unknown = ReplayCli.Run(_policy, trace, "--trajectory", "Missing");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("", unknown.Output);
        Assert.Contains("no trajectory named 'Missing' (the file has: Support, Narrow)", unknown.Error);
    }

    [Fact]
    public void An_encoded_graph_or_an_apps_assembly_replays_as_its_policy_does()
    {
        var trace = _files.File("trace.jsonl", "{\"call\": \"read_customer\"}\n{\"call\": \"send_email\", \"expect\": \"deny\", \"reason\": \"flow\"}\n");
        var compilation = Trajeckt.Traj.TrajCompiler.Compile(Policy, "policy.traj");
        var graph = _files.File("support.trjg");
        File.WriteAllBytes(graph, compilation.Trajectories[0].Encoding);
        var app = AssemblySeal.EmittedAssembly.Write(_files.File("App.dll"), "App",
            ("Support", Convert.ToBase64String(compilation.Trajectories[0].Encoding)), ("Narrow", Convert.ToBase64String(compilation.Trajectories[1].Encoding)));

        var fromPolicy = ReplayCli.Run(_policy, trace);
        var fromGraph = ReplayCli.Run(graph, trace);
        var fromAssembly = ReplayCli.Run(app, trace);

        Assert.Equal(0, fromPolicy.ExitCode);
        Assert.Equal(fromPolicy.Output, fromGraph.Output);
        Assert.Equal(fromPolicy.Output, fromAssembly.Output);
        Assert.Contains("unknown_tool", ReplayCli.Run(app, trace, "-t", "Narrow").Output);
        var unknown = ReplayCli.Run(app, trace, "-t", "Mis\u001bsing");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("App.dll: no trajectory named 'Mis\\u001bsing' (the assembly has: Support, Narrow)", unknown.Error);
    }

    [Fact]
    public void Heuristic_runs_with_no_graph_using_the_policys_tool_effects()
    {
        // Not declared: the graph refuses it, heuristic mode allows it. send_email after a sensitive read is refused either way.
        var trace = _files.File("trace.jsonl", "{\"call\": \"undeclared\"}\n{\"call\": \"read_customer\"}\n{\"call\": \"send_email\", \"expect\": \"deny\", \"reason\": \"heuristic\"}\n");

        var run = ReplayCli.Run(_policy, trace, "--heuristic", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["allow", "allow", "deny"], run.JsonLines().Select(o => o.GetProperty("decision").GetString()));
        Assert.Equal(1, ReplayCli.Run(_policy, trace).ExitCode);
    }

    [Theory]
    [InlineData("missing.traj", "trace.jsonl")]
    [InlineData("policy.traj", "missing.jsonl")]
    public void A_missing_file_exits_2_with_a_one_line_error(string policy, string trace)
    {
        _files.File("trace.jsonl", "{\"call\": \"search_kb\"}\n");

        var run = ReplayCli.Run(Path.Combine(_files.Path, policy), Path.Combine(_files.Path, trace));

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines());
        Assert.Contains("file not found", run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public void Missing_arguments_exit_2()
    {
        Assert.Equal(2, ReplayCli.Run(_policy).ExitCode);
    }

    [Theory]
    [InlineData("\\u001b[2J", "\u001b[2J")]
    [InlineData("\\u202e", "\u202e")]
    public void Control_and_format_characters_from_the_trace_are_escaped_in_text_and_json(string escaped, string raw)
    {
        var trace = _files.File("trace.jsonl", "{\"call\": \"evil" + escaped + "\"}\n");

        var text = ReplayCli.Run(_policy, trace);
        var json = ReplayCli.Run(_policy, trace, "--json");

        Assert.DoesNotContain(raw[0], text.Output + text.Error + json.Output + json.Error);
        Assert.Contains("evil" + escaped, text.Output);
        Assert.Contains("evil" + escaped, json.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("evil" + raw, json.JsonLines().Single().GetProperty("tool").GetString());
    }

    private static void AssertLine(JsonElement line, int step, string? tool, string decision, string? reason, bool hasMessage)
    {
        Assert.Equal(step, line.GetProperty("step").GetInt32());
        Assert.Equal(tool, line.GetProperty("tool").GetString());
        Assert.Equal(tool is null ? JsonValueKind.Null : JsonValueKind.String, line.GetProperty("tool").ValueKind);
        Assert.Equal(decision, line.GetProperty("decision").GetString());
        Assert.Equal(reason, line.GetProperty("reason").GetString());
        Assert.Equal(hasMessage ? JsonValueKind.String : JsonValueKind.Null, line.GetProperty("message").ValueKind);
    }
}
