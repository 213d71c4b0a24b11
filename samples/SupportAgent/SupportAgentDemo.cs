using Microsoft.Extensions.AI;
using Trajeckt;

namespace SupportAgent;

/// <summary>The whole sample: both agents, their decision logs, and the summary, written to one writer.</summary>
internal sealed class SupportAgentDemo(TextWriter output, ConsoleStyle style)
{
    /// <summary>Runs both agents.</summary>
    /// <param name="support">The session for the support desk (trajectory Support).</param>
    /// <param name="automation">The session for the office automation (trajectory OfficeAutomation).</param>
    /// <param name="modelFor">The model each agent talks to; the caller owns it.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>What the tools actually did, and the log's counts.</returns>
    public async Task<DemoOutcome> RunAsync(TrajecktSession support, TrajecktSession automation, Func<AgentPhase, IChatClient> modelFor, CancellationToken cancellationToken = default)
    {
        var desk = new SupportDesk();
        var workspace = new OfficeWorkspace();
        var log = new DecisionLog(output, style);
        var runner = new AgentRunner(output, style, log);

        WriteCommitment(support);
        WriteCommitment(automation);
        foreach (var phase in new[] { Scenarios.SupportDesk(support, desk), Scenarios.OfficeAutomation(automation, workspace) })
            await runner.RunAsync(phase, modelFor(phase), cancellationToken);

        output.WriteLine();
        log.WriteSummary();
        output.WriteLine($"  emails sent: {desk.SentEmails.Count}, ticket replies: {desk.Replies.Count}, notes in the support memory: {desk.Memory.Count}");
        output.WriteLine($"  rules in the automation memory: {workspace.Memory.Count}, team posts: {workspace.TeamPosts.Count}, messages outside the company: {workspace.ExternalMessages.Count}");
        return new DemoOutcome(log.Allowed, log.RefusalsByReason, desk, workspace);
    }

    private void WriteCommitment(TrajecktSession session)
    {
        if (session.Commitment is { } commitment)
        {
            output.WriteLine($"{style.Allowed("verified")} trajectory {commitment.Name} ({commitment.Digest})");
            return;
        }
        // No verified commitment: the session refuses every call, and the log shows why.
        output.WriteLine($"{style.Refused("NOT verified")}: this session refuses every call (see the reasons below)");
    }
}
