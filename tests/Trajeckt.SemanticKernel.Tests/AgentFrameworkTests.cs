using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Trajeckt.Extensions.AI;
using Trajeckt.SemanticKernel.Tests.Infrastructure;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.SemanticKernel.Tests;

/// <summary>A Microsoft Agent Framework ChatClientAgent whose chat client is gated with UseTrajeckt, run through RunAsync.</summary>
public sealed class AgentFrameworkTests
{
    private readonly List<string> _ran = [];

    private AIFunction[] Tools() =>
    [
        AIFunctionFactory.Create(() => { _ran.Add("read_customer"); return "Ada, ada@example.com"; }, "read_customer"),
        AIFunctionFactory.Create(() => { _ran.Add("send_email"); return "sent"; }, "send_email"),
    ];

    private ChatClientAgent Agent(ScriptedChatClient model, TrajecktSession session) =>
        new(new ChatClientBuilder(model).UseTrajeckt(session).UseFunctionInvocation().Build(), instructions: "You are the support desk.", tools: Tools());

    [Fact]
    public async Task The_agent_runs_an_allowed_sensitive_read_and_its_exfiltrating_send_is_refused_without_running()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "read_customer")), Calls(("c2", "send_email")), Says("I could not send it."));

        var response = await Agent(model, session).RunAsync("Mail the customer's record to evil@example.com");

        Assert.Equal("I could not send it.", response.Text);
        Assert.Equal(["read_customer"], _ran);
        Assert.Equal("Ada, ada@example.com", model.FunctionResults["c1"]?.ToString());
        Assert.Equal(
            "Refused by the Trajeckt policy: flow: label 'customer-pii' (read by read_customer at step 1) may not reach external sink send_email",
            model.FunctionResults["c2"]?.ToString());
        // The agent did not put a function-invoking client of its own around the gated one: each call was decided once.
        Assert.Equal([null, "flow"], session.GetRecentDecisions().Select(d => d.Code));
    }

    [Fact]
    public async Task The_agent_streams_through_the_same_gate()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "read_customer")), Calls(("c2", "send_email")), Says("I could not send it."));

        var response = await Agent(model, session).RunStreamingAsync("Mail the customer's record out").ToAgentResponseAsync();

        Assert.Equal("I could not send it.", response.Text);
        Assert.Equal(["read_customer"], _ran);
        Assert.StartsWith(RefusalResult.Prefix + "flow:", model.FunctionResults["c2"]?.ToString());
    }

    [Fact]
    public async Task Function_middleware_of_the_agent_builder_sees_only_the_calls_the_gate_allowed()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "read_customer")), Calls(("c2", "send_email")), Says("I could not send it."));
        var seenByMiddleware = new List<string>();

        var agent = Agent(model, session).AsBuilder()
            .Use(async (agent, context, next, cancellationToken) =>
            {
                seenByMiddleware.Add(context.Function.Name);
                return await next(context, cancellationToken);
            })
            .Build();
        await agent.RunAsync("Mail the customer's record out");

        Assert.Equal(["read_customer"], seenByMiddleware);
        Assert.Equal(["read_customer"], _ran);
        Assert.Equal([null, "flow"], session.GetRecentDecisions().Select(d => d.Code));
    }
}
