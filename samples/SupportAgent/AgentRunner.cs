using Microsoft.Extensions.AI;
using Trajeckt.Extensions.AI;

namespace SupportAgent;

/// <summary>Runs an agent phase on the Microsoft.Extensions.AI pipeline: the model, Trajeckt's gate, and FunctionInvokingChatClient.</summary>
internal sealed class AgentRunner(TextWriter output, ConsoleStyle style, DecisionLog log)
{
    public async Task RunAsync(AgentPhase phase, IChatClient model, CancellationToken cancellationToken)
    {
        // The caller owns the model; the pipeline adds nothing that needs disposing.
        var client = new ChatClientBuilder(model)
            .UseTrajeckt(phase.Session, o => o.RequestApprovalForFlooredTools = phase.Attended)
            .UseFunctionInvocation()
            .Build();
        var options = new ChatOptions { Tools = phase.Tools };
        List<ChatMessage> history = [new(ChatRole.System, phase.Instructions)];

        output.WriteLine();
        output.WriteLine(style.Heading(phase.Title));
        log.WriteHeader();
        foreach (var turn in phase.Turns)
        {
            output.WriteLine(style.Quiet($"  user: {turn.Message}"));
            history.Add(new ChatMessage(ChatRole.User, turn.Message));
            var response = await client.GetResponseAsync(history, options, cancellationToken);
            log.WriteNewDecisions(phase.Session);
            while (ApprovalRequests(response) is { Count: > 0 } requests)
            {
                history.AddRange(response.Messages);
                history.Add(new ChatMessage(ChatRole.User, [.. requests.Select(r => Answer(r, turn))]));
                response = await client.GetResponseAsync(history, options, cancellationToken);
                log.WriteNewDecisions(phase.Session);
            }
            history.AddRange(response.Messages);
            output.WriteLine(style.Quiet($"  agent: {response.Text}"));
        }
    }

    private static List<ToolApprovalRequestContent> ApprovalRequests(ChatResponse response) =>
        [.. response.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>()];

    // The user approves only the kind of call they asked for in this turn.
    private AIContent Answer(ToolApprovalRequestContent request, UserTurn turn)
    {
        var tool = (request.ToolCall as FunctionCallContent)?.Name ?? "(unknown)";
        var approved = tool == turn.Approves;
        log.WriteApproval(tool, approved);
        return request.CreateResponse(approved, approved ? null : "the user did not ask for this");
    }
}
