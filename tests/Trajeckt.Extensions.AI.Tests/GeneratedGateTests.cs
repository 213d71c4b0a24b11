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
            _bench.Tool("read_ticket", () => { TrajecktToolOutput.ReportOrigin(Trust.Untrusted); return "ticket"; }), "read_ticket", "none");
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
            new OpaqueWrapper(new TrajecktGatedAIFunction(_bench.Tool("read_customer"), "read_customer", "sensitive(\"customer-pii\")")),
            new OpaqueWrapper(new TrajecktGatedAIFunction(_bench.Tool("send_email"), "send_email", "sink(external)")),
        };
        var model = new ScriptedChatClient(Calls(("c1", "read_customer")), Calls(("c2", "send_email")), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = session).GetResponseAsync(Pipelines.Ask("mail it"), Pipelines.With(tools));

        Assert.Equal(["read_customer"], _bench.Ran);
        Assert.Equal(2, session.GetRecentDecisions().Count);
        Assert.StartsWith(RefusalResult.Prefix + "flow:", model.FunctionResults["c2"]?.ToString());
    }

    [Fact]
    public async Task A_generated_gate_of_a_library_tool_is_refused_when_the_session_has_another_tool_of_that_name()
    {
        // The session's send_email is an external sink; a function compiled for an effect-free send_email is not that tool.
        var session = TestSessions.Support();
        var foreign = new TrajecktGatedAIFunction(_bench.Tool("send_email"), "send_email", "none");
        var model = new ScriptedChatClient(Calls(("c1", "send_email")), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = session).GetResponseAsync(Pipelines.Ask("mail"), Pipelines.With(foreign));

        Assert.Empty(_bench.Ran);
        Assert.Contains("unknown_tool", model.FunctionResults["c1"]?.ToString(), StringComparison.Ordinal);
        Assert.Contains("declares 'send_email' with effects 'sink(external)'", model.FunctionResults["c1"]?.ToString(), StringComparison.Ordinal);
    }
}
