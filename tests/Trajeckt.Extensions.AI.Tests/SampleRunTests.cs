using System.Text.RegularExpressions;
using SupportAgent;
using Trajeckt.Extensions.AI.Tests.Infrastructure;

namespace Trajeckt.Extensions.AI.Tests;

/// <summary>
/// The sample (samples/SupportAgent) run in-process with its scripted model, over the graphs its build compiled
/// (sealed here with a test key), through its generated AIFunction gates and a real FunctionInvokingChatClient.
/// </summary>
public sealed class SampleRunTests
{
    [Fact]
    public async Task The_sample_allows_the_reads_refuses_the_exfiltration_and_the_poisoning_and_allows_the_approved_write()
    {
        var output = new StringWriter();

        var outcome = await new SupportAgentDemo(output, ConsoleStyle.Plain).RunAsync(
            TestSessions.Sealed(TrajecktGraphs.Support.Encoding.ToArray()),
            TestSessions.Sealed(TrajecktGraphs.OfficeAutomation.Encoding.ToArray()),
            phase => new ScriptedModel(phase.Script));

        var log = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        string[] expected =
        [
            "     1  read_ticket      allow",
            "     2  read_customer    allow",
            "     3  send_email       DENY     flow: label 'customer-pii' (read by read_customer at step 2) may not reach external sink send_email",
            "     4  reply_ticket     allow",
            "        save_memory      approved the user approves this call: it is authorized by TrustedUser",
            "     6  save_memory      allow",
            "     1  list_files       allow",
            "     2  read_file        allow",
            "     3  read_file        allow",
            "     4  memory_write     DENY     floor: memory_write requires integrity External, but the session's integrity is Untrusted (lowered by read_file at step 3) and no authorization for memory_write is pending",
            "     5  update_records   allow",
            "     6  memory_read      allow",
            "     7  memory_write     DENY     floor: memory_write requires integrity External, but the session's integrity is Untrusted (lowered by read_file at step 3) and no authorization for memory_write is pending",
            "     8  read_report      allow",
            "     9  post_team_group  allow",
            "    10  send_external    DENY     flow: label 'internal' (read by read_report at step 8) may not reach external sink send_external",
        ];
        Assert.Equal(expected, log.Where(IsDecisionLine));
        Assert.Contains("  15 tool calls decided: 11 allowed, 4 refused (floor 2, flow 2)", log);
        Assert.Contains("  1 approved by the user, 0 denied", log);

        Assert.Equal(11, outcome.Allowed);
        Assert.Equal(new Dictionary<string, int> { ["flow"] = 2, ["floor"] = 2 }, outcome.RefusalsByReason);

        // What the refusals mean: nothing reached the attacker, the poisoned rules never reached memory.
        Assert.Empty(outcome.Desk.SentEmails);
        Assert.Equal(["customer 7 prefers to be contacted by phone"], outcome.Desk.Memory);
        Assert.Empty(outcome.Workspace.Memory);
        Assert.Empty(outcome.Workspace.ExternalMessages);
        Assert.Single(outcome.Workspace.TeamPosts);
    }

    [Fact]
    public async Task Without_a_verified_commitment_the_sample_runs_no_tool_at_all()
    {
        var output = new StringWriter();
        var none = TrajecktSession.Create((Commitment?)null);

        var outcome = await new SupportAgentDemo(output, ConsoleStyle.Plain).RunAsync(none, none, phase => new ScriptedModel(phase.Script));

        Assert.Equal(0, outcome.Allowed);
        Assert.Contains("NOT verified", output.ToString());
        Assert.Empty(outcome.Desk.Replies);
        Assert.Empty(outcome.Workspace.TeamPosts);
    }

    // "  SSSS  tool             decision reason", SSSS the step (blank for an approval).
    private static bool IsDecisionLine(string line) => Regex.IsMatch(line, @"^  [ \d]{4}  \S+ +(allow|DENY|approved|denied)\b");
}
