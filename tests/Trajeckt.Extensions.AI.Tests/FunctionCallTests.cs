using Microsoft.Extensions.AI;
using Trajeckt.Extensions.AI.Tests.Infrastructure;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.Extensions.AI.Tests;

/// <summary>Model-driven calls through a real FunctionInvokingChatClient: allowed, refused, unknown, undecidable.</summary>
public sealed class FunctionCallTests
{
    private readonly ToolBench _bench = new();

    [Fact]
    public async Task An_allowed_call_runs_and_its_result_goes_back_to_the_model()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "read_customer")), Says("done"));

        var response = await Pipelines.Gated(model, o => o.Session = session)
            .GetResponseAsync(Pipelines.Ask("look up the customer"), Pipelines.With(_bench.Tool("read_customer", () => "Ada, ada@example.com")));

        Assert.Equal("done", response.Text);
        Assert.Equal(["read_customer"], _bench.Ran);
        Assert.Equal("Ada, ada@example.com", model.FunctionResults["c1"]?.ToString());
        var decision = Assert.Single(session.GetRecentDecisions());
        Assert.True(decision.IsAllowed);
        Assert.Equal("read_customer", decision.ToolName);
    }

    [Fact]
    public async Task A_refused_call_never_runs_and_the_model_reads_why_then_the_loop_goes_on()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "read_customer")), Calls(("c2", "send_email")), Says("could not send"));

        var response = await Pipelines.Gated(model, o => o.Session = session)
            .GetResponseAsync(Pipelines.Ask("mail the record out"), Pipelines.With(_bench.Tools("read_customer", "send_email")));

        Assert.Equal("could not send", response.Text);
        Assert.Equal(["read_customer"], _bench.Ran);
        Assert.Equal(
            "Refused by the Trajeckt policy: flow: label 'customer-pii' (read by read_customer at step 1) may not reach external sink send_email",
            model.FunctionResults["c2"]?.ToString());
        Assert.Equal("flow", session.GetRecentDecisions()[1].Code);
    }

    [Fact]
    public async Task Streaming_responses_are_gated_the_same_way()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "read_customer")), Calls(("c2", "send_email")), Says("could not send"));

        var updates = Pipelines.Gated(model, o => o.Session = session)
            .GetStreamingResponseAsync(Pipelines.Ask("mail the record out"), Pipelines.With(_bench.Tools("read_customer", "send_email")));
        var response = await updates.ToChatResponseAsync();

        Assert.Equal("could not send", response.Text);
        Assert.Equal(["read_customer"], _bench.Ran);
        Assert.StartsWith(RefusalResult.Prefix + "flow:", model.FunctionResults["c2"]?.ToString());
    }

    [Fact]
    public async Task With_TerminateOnRefusal_a_refused_call_ends_the_loop_and_the_caller_gets_the_refusal()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "read_customer")), Calls(("c2", "send_email")), Says("never asked"));

        var response = await Pipelines.Gated(model, o => { o.Session = session; o.TerminateOnRefusal = true; })
            .GetResponseAsync(Pipelines.Ask("mail the record out"), Pipelines.With(_bench.Tools("read_customer", "send_email")));

        Assert.Equal(2, model.Requests.Count);
        Assert.Equal(["read_customer"], _bench.Ran);
        var refusal = response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single(r => r.CallId == "c2");
        Assert.StartsWith(RefusalResult.Prefix + "flow:", refusal.Result?.ToString());
    }

    [Fact]
    public async Task A_function_the_policy_does_not_declare_is_refused_and_never_runs()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "run_shell")), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = session)
            .GetResponseAsync(Pipelines.Ask("clean up"), Pipelines.With(_bench.Tool("run_shell")));

        Assert.Empty(_bench.Ran);
        Assert.StartsWith(RefusalResult.Prefix + "unknown_tool:", model.FunctionResults["c1"]?.ToString());
        Assert.Equal("unknown_tool", Assert.Single(session.GetRecentDecisions()).Code);
    }

    [Fact]
    public async Task A_function_in_FunctionInvokingChatClient_AdditionalTools_is_decided_too()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "read_customer")), Calls(("c2", "send_email")), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = session, ficc => ficc.AdditionalTools = _bench.Tools("read_customer", "send_email"))
            .GetResponseAsync(Pipelines.Ask("mail the record out"));

        Assert.Equal(["read_customer"], _bench.Ran);
        Assert.StartsWith(RefusalResult.Prefix + "flow:", model.FunctionResults["c2"]?.ToString());
    }

    [Fact]
    public async Task Without_any_session_every_call_is_refused_no_commitment()
    {
        var model = new ScriptedChatClient(Calls(("c1", "read_ticket")), Says("ok"));

        await Pipelines.Gated(model).GetResponseAsync(Pipelines.Ask("read"), Pipelines.With(_bench.Tool("read_ticket")));

        Assert.Empty(_bench.Ran);
        Assert.StartsWith(RefusalResult.Prefix + "no_commitment:", model.FunctionResults["c1"]?.ToString());
    }

    [Fact]
    public async Task The_ambient_session_decides_when_none_is_configured_and_a_provider_beats_it()
    {
        var ambient = TestSessions.Support();
        var provided = TestSessions.Support();
        using (ambient.Enter())
        {
            await Pipelines.Gated(new ScriptedChatClient(Calls(("c1", "read_ticket")), Says("ok")))
                .GetResponseAsync(Pipelines.Ask("read"), Pipelines.With(_bench.Tool("read_ticket")));
            await Pipelines.Gated(new ScriptedChatClient(Calls(("c1", "read_ticket")), Says("ok")), o => o.SessionProvider = () => provided)
                .GetResponseAsync(Pipelines.Ask("read"), Pipelines.With(_bench.Tool("read_ticket")));
        }

        Assert.Single(ambient.GetRecentDecisions());
        Assert.Single(provided.GetRecentDecisions());
    }

    [Fact]
    public void UseTrajeckt_after_UseFunctionInvocation_fails_to_build_instead_of_running_calls_undecided()
    {
        var builder = new ChatClientBuilder(new ScriptedChatClient()).UseFunctionInvocation().UseTrajeckt(TestSessions.Support());

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("before UseFunctionInvocation()", error.Message);
    }

    [Fact]
    public void UseTrajeckt_twice_on_one_FunctionInvokingChatClient_fails_to_build()
    {
        var builder = new ChatClientBuilder(new ScriptedChatClient()).UseTrajeckt().UseTrajeckt().UseFunctionInvocation();

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("already applied", error.Message);
    }
}
