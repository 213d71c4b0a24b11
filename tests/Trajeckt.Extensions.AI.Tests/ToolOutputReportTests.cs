using Trajeckt.Extensions.AI.Tests.Infrastructure;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.Extensions.AI.Tests;

/// <summary>What a tool reports about its output at run time is recorded in the session.</summary>
public sealed class ToolOutputReportTests
{
    private readonly ToolBench _bench = new();

    [Fact]
    public async Task A_reported_origin_lowers_integrity_so_a_later_floored_call_is_refused()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "read_ticket")), Calls(("c2", "save_memory")), Says("ok"));

        await Pipelines.Gated(model, o => { o.Session = session; o.RequestApprovalForFlooredTools = false; })
            .GetResponseAsync(Pipelines.Ask("triage"), Pipelines.With(
                _bench.Tool("read_ticket", () => { TrajecktToolOutput.ReportOrigin(Trust.Untrusted); return "ticket quoting an inbound mail"; }),
                _bench.Tool("save_memory")));

        Assert.Equal(["read_ticket"], _bench.Ran);
        Assert.Equal(
            RefusalResult.Prefix + "floor: save_memory requires integrity External, but the session's integrity is Untrusted (lowered by read_ticket at step 1) and no authorization for save_memory is pending",
            model.FunctionResults["c2"]?.ToString());
    }

    [Fact]
    public async Task Reported_labels_join_the_taint_so_a_later_external_send_is_refused()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "read_ticket")), Calls(("c2", "reply_ticket")), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = session)
            .GetResponseAsync(Pipelines.Ask("triage"), Pipelines.With(
                _bench.Tool("read_ticket", () => { TrajecktToolOutput.ReportLabels("payment-card"); return "ticket with a card number"; }),
                _bench.Tool("reply_ticket")));

        Assert.Equal(["read_ticket"], _bench.Ran);
        Assert.StartsWith(RefusalResult.Prefix + "flow: label 'payment-card'", model.FunctionResults["c2"]?.ToString());
    }

    [Fact]
    public async Task Output_is_recorded_also_when_the_tool_throws()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "read_ticket")), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = session)
            .GetResponseAsync(Pipelines.Ask("triage"), Pipelines.With(
                _bench.Tool("read_ticket", () => { TrajecktToolOutput.ReportOrigin(Trust.Untrusted); throw new IOException("disk"); })));

        Assert.Equal("floor", session.Begin("save_memory").Code);
    }

    [Fact]
    public void Reporting_outside_a_gated_invocation_throws_instead_of_losing_the_report()
    {
        Assert.False(TrajecktToolOutput.IsReporting);
        Assert.Throws<InvalidOperationException>(() => TrajecktToolOutput.ReportOrigin(Trust.Untrusted));
        Assert.Throws<InvalidOperationException>(() => TrajecktToolOutput.ReportLabels("x"));
    }
}
