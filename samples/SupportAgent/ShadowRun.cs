using Microsoft.Extensions.AI;
using Trajeckt;
using Trajeckt.Audit;
using Trajeckt.Sealing;
using static SupportAgent.ScriptedModel;
using AuditLog = Trajeckt.Audit.DecisionLog;

namespace SupportAgent;

/// <summary>
/// <c>dotnet run --project samples/SupportAgent -- --shadow FOLDER</c>: the first step of the rollout in
/// docs/rollout.md. Ordinary support conversations (no prompt injection) run under the support desk's
/// commitment in shadow mode, and every decision goes to a tamper-evident decision log in
/// <c>FOLDER/decisions</c>, signed with a log key made for this run (its public half in <c>FOLDER/log.pub</c>).
/// </summary>
internal sealed class ShadowRun(TextWriter output, ConsoleStyle style)
{
    /// <summary>Whether the command line asks for this run (<c>--shadow FOLDER</c>), and the folder it names.</summary>
    public static bool TryParse(string[] args, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? folder)
    {
        folder = args is ["--shadow", var named] ? named : null;
        return folder is not null;
    }

    /// <summary>Runs the conversations; returns the exit code (1 when the commitment did not verify).</summary>
    /// <param name="folder">Where the log and its public key go.</param>
    /// <param name="beginSession">Starts a shadow session of trajectory Support that writes to the log.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<int> RunAsync(string folder, Func<AuditLog, TrajecktSession> beginSession, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        // A production log is signed with the operator's key or a managed log key; this run makes its own.
        using var key = OperatorKeyPair.Generate();
        PublicKeyFile.Write(Path.Combine(folder, "log.pub"), key.PublicKey);
        var desk = new SupportDesk();
        var decisions = new DecisionLog(output, style);
        var runner = new AgentRunner(output, style, decisions);
        var verified = true;
        using (var log = new AuditLog(new FileDecisionLogSink(Path.Combine(folder, "decisions")), key))
        {
            foreach (var (request, script) in Conversations())
            {
                using var session = beginSession(log);
                verified &= session.Commitment is not null;
                var phase = new AgentPhase($"Shadow: {request}", "You are a support agent. Use the tools to answer tickets.", session,
                    [.. TrajecktGraphs.Support.CreateAIFunctions(desk)], Attended: false, [new UserTurn(request)], script);
                await runner.RunAsync(phase, new ScriptedModel(phase.Script), cancellationToken);
            }
        }
        output.WriteLine();
        decisions.WriteSummary();
        output.WriteLine($"  decision log: {Path.Combine(folder, "decisions")} (public key {Path.Combine(folder, "log.pub")})");
        return verified ? 0 : 1;
    }

    // What the agent does on ordinary days. The last conversation handles two tickets, which the
    // hand-written plan (read_ticket only first) would refuse: shadow mode lets it run and logs why.
    private static IEnumerable<(string Request, ChatMessage[] Script)> Conversations() =>
    [
        ("Please handle ticket T-2001.",
        [
            Calls("read_ticket", ("ticketId", "T-2001")),
            Calls("read_customer", ("customerId", 8)),
            Calls("reply_ticket", ("ticketId", "T-2001"), ("message", "Your order ships on Monday.")),
            Says("Replied on T-2001."),
        ]),
        ("Please handle ticket T-2002.",
        [
            Calls("read_ticket", ("ticketId", "T-2002")),
            Calls("reply_ticket", ("ticketId", "T-2002"), ("message", "Orders arrive within five days.")),
            Says("Replied on T-2002."),
        ]),
        ("Please handle ticket T-2003.",
        [
            Calls("read_ticket", ("ticketId", "T-2003")),
            Calls("read_customer", ("customerId", 9)),
            Calls("reply_ticket", ("ticketId", "T-2003"), ("message", "Your order ships tomorrow.")),
            Says("Replied on T-2003."),
        ]),
        ("Please handle tickets T-2004 and T-2005.",
        [
            Calls("read_ticket", ("ticketId", "T-2004")),
            Calls("reply_ticket", ("ticketId", "T-2004"), ("message", "Orders arrive within five days.")),
            Calls("read_ticket", ("ticketId", "T-2005")),
            Calls("read_customer", ("customerId", 10)),
            Calls("reply_ticket", ("ticketId", "T-2005"), ("message", "Your order ships on Monday.")),
            Says("Replied on T-2004 and T-2005."),
        ]),
    ];
}
