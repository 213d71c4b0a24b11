using Trajeckt.Replay;

namespace Trajeckt.Runtime.Tests.Replay;

public sealed class TraceRunnerTests
{
    private const string Support = """
        trajectory Support {
          tool read_customer : sensitive(customer-pii);
          tool search_kb;
          tool send_email    : sink(external);
          tool save_memory   : sink(control);
          plan _*;
        }
        trajectory Other {
          tool only_this;
        }
        """;

    private static List<ReplayResult> Run(string trace, bool heuristic = false, string? trajectory = null)
    {
        using var reader = new TraceReader(new StringReader(trace), TraceText.FileName);
        return new TraceRunner(Policies.Compile(Support, trajectory)).Run(reader, heuristic).ToList();
    }

    [Fact]
    public void Each_kind_of_event_reports_its_decision_reason_and_message()
    {
        var results = Run("""
            {"input": "Untrusted"}
            {"call": "read_customer"}
            {"call": "send_email"}
            {"authorize": "save_memory", "by": "TrustedUser"}
            {"authorize": "search_kb", "by": "TrustedUser"}
            """);

        Assert.Equal(
            [ReplayDecision.Input, ReplayDecision.Allow, ReplayDecision.Deny, ReplayDecision.Accepted, ReplayDecision.Rejected],
            results.Select(r => r.Decision));
        Assert.Equal(["input", "allow", "deny", "accepted", "rejected"], results.Select(r => r.DecisionName));
        Assert.Equal([null, null, "flow", null, "authorization_rejected"], results.Select(r => r.Reason));
        Assert.Null(results[0].Message);
        Assert.Contains("customer-pii", results[2].Message);
        Assert.Contains("send_email", results[2].Message);
        Assert.NotNull(results[4].Message);
        Assert.All(results, r => Assert.True(r.ExpectationHeld));
        Assert.All(results, r => Assert.Null(r.Expected));
    }

    [Fact]
    public void A_failed_expectation_says_what_was_expected_and_what_happened()
    {
        var results = Run("""
            {"call": "read_customer", "expect": "deny"}
            {"call": "send_email", "expect": "deny", "reason": "floor"}
            {"call": "search_kb", "reason": "budget"}
            {"authorize": "search_kb", "by": "TrustedUser", "expect": "accepted"}
            {"call": "send_email", "expect": "deny", "reason": "flow"}
            """);

        Assert.Equal([false, false, false, false, true], results.Select(r => r.ExpectationHeld));
        Assert.Equal(("deny", "allow"), (results[0].Expected, results[0].Actual));
        Assert.Equal(("deny (floor)", "deny (flow)"), (results[1].Expected, results[1].Actual));
        Assert.Equal(("deny (budget)", "allow"), (results[2].Expected, results[2].Actual));
        Assert.Equal(("accepted", "rejected (authorization_rejected)"), (results[3].Expected, results[3].Actual));
    }

    [Fact]
    public void Reported_labels_and_origin_apply_only_to_an_allowed_call()
    {
        var results = Run("""
            {"call": "nope", "origin": "Untrusted", "labels": ["customer-pii"], "expect": "deny", "reason": "unknown_tool"}
            {"call": "send_email", "expect": "allow"}
            {"call": "save_memory", "expect": "allow"}
            {"call": "search_kb", "origin": "Untrusted", "labels": ["customer-pii"], "expect": "allow"}
            {"call": "send_email", "expect": "deny", "reason": "flow"}
            {"call": "save_memory", "expect": "deny", "reason": "floor"}
            """);

        Assert.All(results, r => Assert.True(r.ExpectationHeld, $"step {r.Step}: expected {r.Expected}, got {r.Actual}"));
    }

    [Fact]
    public void The_heuristic_argument_and_the_trace_option_both_select_heuristic_mode()
    {
        // "nope" is no declared tool: the graph refuses it, heuristic mode lets it through.
        const string trace = "{\"call\": \"nope\"}";

        Assert.Equal(ReplayDecision.Deny, Run(trace).Single().Decision);
        Assert.Equal(ReplayDecision.Allow, Run(trace, heuristic: true).Single().Decision);
        Assert.Equal(ReplayDecision.Allow, Run("{\"options\": {\"heuristic\": true}}\n" + trace).Single().Decision);
    }

    [Fact]
    public void The_chosen_trajectory_is_the_one_enforced()
    {
        Assert.Equal(ReplayDecision.Deny, Run("{\"call\": \"only_this\"}").Single().Decision);
        Assert.Equal(ReplayDecision.Allow, Run("{\"call\": \"only_this\"}", trajectory: "Other").Single().Decision);
    }

    [Fact]
    public void Each_run_gets_a_fresh_session()
    {
        var runner = new TraceRunner(Policies.Compile(Support));
        const string trace = "{\"call\": \"read_customer\"}\n{\"call\": \"send_email\"}";

        for (var run = 0; run < 2; run++)
        {
            using var reader = new TraceReader(new StringReader(trace), "t");
            Assert.Equal([ReplayDecision.Allow, ReplayDecision.Deny], runner.Run(reader).Select(r => r.Decision));
        }
    }

    [Fact]
    public void RunFile_rejects_an_invalid_trace_before_the_first_result()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"call\": \"read_customer\"}\n{\"call\": \"send_email\"}\n{\"call\": \"x\", \"expect\": \"maybe\"}\n");
            var runner = new TraceRunner(Policies.Compile(Support));
            using var results = runner.RunFile(path).GetEnumerator();

            var error = Assert.Throws<TraceFormatException>(() => results.MoveNext());

            Assert.Equal((TraceErrorCode.UnknownExpectation, 3, 25), (error.ErrorCode, error.Line, error.Column));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RunFile_replays_a_valid_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"options\": {\"halt_on_violation\": true}}\n{\"call\": \"nope\"}\n{\"call\": \"search_kb\"}\n");

            var results = new TraceRunner(Policies.Compile(Support)).RunFile(path).ToList();

            Assert.Equal(["unknown_tool", "halted"], results.Select(r => r.Reason));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Arguments_are_checked_when_called_not_when_enumerated()
    {
        var runner = new TraceRunner(Policies.Compile(Support));

        Assert.Throws<ArgumentNullException>(() => new TraceRunner(null!));
        Assert.Throws<ArgumentNullException>(() => runner.Run(null!));
        Assert.Throws<ArgumentNullException>(() => runner.RunFile(null!));
    }
}
