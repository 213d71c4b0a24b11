using Microsoft.Extensions.AI;
using Trajeckt.Extensions.AI.Tests.Infrastructure;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.Extensions.AI.Tests;

/// <summary>A function gated on its own, for invokers other than FunctionInvokingChatClient, and inside the pipeline.</summary>
public sealed class TrajecktAIFunctionTests
{
    private readonly ToolBench _bench = new();

    [Fact]
    public async Task Invoked_directly_a_refused_call_throws_and_never_runs()
    {
        var session = TestSessions.Support();
        var read = new TrajecktAIFunction(_bench.Tool("lookup"), "read_customer", session);
        var send = new TrajecktAIFunction(_bench.Tool("mail"), "send_email", session);

        await read.InvokeAsync(new AIFunctionArguments());
        var refusal = await Assert.ThrowsAsync<TrajectoryViolationException>(async () => await send.InvokeAsync(new AIFunctionArguments()));

        Assert.Equal("flow", refusal.Code);
        Assert.Equal(["lookup"], _bench.Ran);
    }

    [Fact]
    public async Task Invoked_directly_it_records_what_the_tool_reported()
    {
        var session = TestSessions.Support();
        var read = new TrajecktAIFunction(_bench.Tool("fetch", () => { TrajecktToolOutput.ReportOrigin(Trust.Untrusted); return "page"; }), "read_ticket", session);

        await read.InvokeAsync(new AIFunctionArguments());

        Assert.Equal("floor", session.Begin("save_memory").Code);
    }

    [Fact]
    public async Task Without_a_session_it_refuses_no_commitment()
    {
        var read = new TrajecktAIFunction(_bench.Tool("lookup"), "read_ticket");

        var refusal = await Assert.ThrowsAsync<TrajectoryViolationException>(async () => await read.InvokeAsync(new AIFunctionArguments()));

        Assert.Equal("no_commitment", refusal.Code);
        Assert.Empty(_bench.Ran);
    }

    [Fact]
    public async Task In_the_pipeline_each_call_is_decided_once_as_its_tool()
    {
        var session = TestSessions.Support();
        var lookup = new TrajecktAIFunction(_bench.Tool("lookup"), "read_customer", session);
        var model = new ScriptedChatClient(Calls(("c1", "lookup"), ("c2", "lookup")), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = session).GetResponseAsync(Pipelines.Ask("look up twice"), Pipelines.With(lookup));

        Assert.Equal(["lookup", "lookup"], _bench.Ran);
        Assert.Equal([1L, 2L], session.GetRecentDecisions().Select(d => d.Step));
        Assert.All(session.GetRecentDecisions(), d => Assert.Equal("read_customer", d.ToolName));
    }

    [Fact]
    public async Task In_the_pipeline_a_function_bound_to_another_session_is_decided_by_that_session()
    {
        var pipelineSession = TestSessions.Support();
        var bound = TestSessions.Support();
        var lookup = new TrajecktAIFunction(_bench.Tool("lookup"), "read_customer", bound);
        var model = new ScriptedChatClient(Calls(("c1", "lookup")), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = pipelineSession).GetResponseAsync(Pipelines.Ask("look up"), Pipelines.With(lookup));

        Assert.Empty(pipelineSession.GetRecentDecisions());
        Assert.Single(bound.GetRecentDecisions());
    }
}
