using Microsoft.Extensions.AI;
using Trajeckt.Extensions.AI.Tests.Infrastructure;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.Extensions.AI.Tests;

/// <summary>Floored tools go through the framework's tool approval flow; the user's answer decides the authorization.</summary>
public sealed class ApprovalTests
{
    private readonly ToolBench _bench = new();

    [Fact]
    public async Task A_floored_tool_is_offered_as_approval_required_and_does_not_run_before_the_user_answers()
    {
        var (session, client, model, history, response) = await AskToSaveMemoryAfterUntrustedInput();

        var request = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>());
        Assert.Equal("save_memory", Assert.IsType<FunctionCallContent>(request.ToolCall).Name);
        Assert.Empty(_bench.Ran);
        Assert.Empty(session.GetRecentDecisions());
    }

    [Fact]
    public async Task An_approval_authorizes_exactly_that_call_by_TrustedUser()
    {
        var (session, client, model, history, response) = await AskToSaveMemoryAfterUntrustedInput();
        var request = response.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>().Single();

        history.AddRange(response.Messages);
        history.Add(new ChatMessage(ChatRole.User, [request.CreateResponse(approved: true)]));
        var final = await client.GetResponseAsync(history, Options());

        Assert.Equal("saved", final.Text);
        Assert.Equal(["save_memory"], _bench.Ran);
        var decision = Assert.Single(session.GetRecentDecisions());
        Assert.True(decision.IsAllowed);
        // The authorization was consumed: the next call is refused by the floor again.
        Assert.Equal("floor", session.Begin("save_memory").Code);
    }

    [Fact]
    public async Task A_denial_authorizes_nothing_and_the_tool_never_runs()
    {
        var (session, client, model, history, response) = await AskToSaveMemoryAfterUntrustedInput();
        var request = response.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>().Single();

        history.AddRange(response.Messages);
        history.Add(new ChatMessage(ChatRole.User, [request.CreateResponse(approved: false, reason: "no")]));
        var final = await client.GetResponseAsync(history, Options());

        Assert.Equal("saved", final.Text);
        Assert.Empty(_bench.Ran);
        Assert.Empty(session.GetRecentDecisions());
        Assert.Equal("floor", session.Begin("save_memory").Code);
    }

    [Fact]
    public async Task With_approvals_off_a_floored_tool_runs_through_the_loop_and_is_refused_by_the_floor()
    {
        var session = TestSessions.Support();
        session.ObserveInput(Trust.Untrusted);
        var model = new ScriptedChatClient(Calls(("c1", "save_memory")), Says("ok"));

        await Pipelines.Gated(model, o => { o.Session = session; o.RequestApprovalForFlooredTools = false; })
            .GetResponseAsync(Pipelines.Ask("remember"), Options());

        Assert.Empty(_bench.Ran);
        Assert.StartsWith(RefusalResult.Prefix + "floor:", model.FunctionResults["c1"]?.ToString());
    }

    [Fact]
    public async Task The_callers_options_are_not_changed()
    {
        var options = Options();
        var model = new ScriptedChatClient(Calls(("c1", "save_memory")));

        await Pipelines.Gated(model, o => o.Session = TestSessions.Support()).GetResponseAsync(Pipelines.Ask("remember"), options);

        Assert.IsNotType<ApprovalRequiredAIFunction>(Assert.Single(options.Tools!));
    }

    private ChatOptions Options() => Pipelines.With(_bench.Tool("save_memory"));

    private async Task<(TrajecktSession Session, IChatClient Client, ScriptedChatClient Model, List<ChatMessage> History, ChatResponse Response)> AskToSaveMemoryAfterUntrustedInput()
    {
        var session = TestSessions.Support();
        session.ObserveInput(Trust.Untrusted);
        var model = new ScriptedChatClient(Calls(("c1", "save_memory")), Says("saved"));
        var client = Pipelines.Gated(model, o => o.Session = session);
        var history = Pipelines.Ask("remember this");
        var response = await client.GetResponseAsync(history, Options());
        return (session, client, model, history, response);
    }
}
