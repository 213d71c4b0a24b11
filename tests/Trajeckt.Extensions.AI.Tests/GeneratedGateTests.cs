using Microsoft.Extensions.AI;
using Trajeckt.Extensions.AI.Tests.Infrastructure;
using Trajeckt.Generated;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.Extensions.AI.Tests;

/// <summary>The generator's gated functions (the one generated into the sample, visible to these tests) are decided once per call.</summary>
public sealed class GeneratedGateTests
{
    private readonly ToolBench _bench = new();

    [Fact]
    public async Task The_gate_passes_over_a_generated_gate_so_the_call_is_decided_once_and_its_report_is_recorded()
    {
        var session = TestSessions.Support();
        var readTicket = new TrajecktGatedAIFunction(
            _bench.Tool("read_ticket", () => { TrajecktToolOutput.ReportOrigin(Trust.Untrusted); return "ticket"; }), "read_ticket");
        var model = new ScriptedChatClient(Calls(("c1", "read_ticket")), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = session).GetResponseAsync(Pipelines.Ask("read"), Pipelines.With(readTicket));

        Assert.Equal("ticket", model.FunctionResults["c1"]?.ToString());
        Assert.Single(session.GetRecentDecisions());
        Assert.Equal("floor", session.Begin("save_memory").Code);
    }

    [Fact]
    public async Task Under_an_unknown_wrapper_a_generated_gate_decides_by_itself_once_in_the_pipelines_session()
    {
        var session = TestSessions.Support();
        var tools = new[]
        {
            new OpaqueWrapper(new TrajecktGatedAIFunction(_bench.Tool("read_customer"), "read_customer")),
            new OpaqueWrapper(new TrajecktGatedAIFunction(_bench.Tool("send_email"), "send_email")),
        };
        var model = new ScriptedChatClient(Calls(("c1", "read_customer")), Calls(("c2", "send_email")), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = session).GetResponseAsync(Pipelines.Ask("mail it"), Pipelines.With(tools));

        Assert.Equal(["read_customer"], _bench.Ran);
        Assert.Equal(2, session.GetRecentDecisions().Count);
        Assert.StartsWith(RefusalResult.Prefix + "flow:", model.FunctionResults["c2"]?.ToString());
    }
}
