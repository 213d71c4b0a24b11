using Trajeckt.Extensions.AI;
using Trajeckt.SemanticKernel.Tests.Infrastructure;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.SemanticKernel.Tests;

/// <summary>Calls the model asks for, auto-invoked by a real kernel with both Trajeckt filters registered.</summary>
public sealed class AutoInvocationTests
{
    private readonly DeskPlugin _desk = new();

    [Fact]
    public async Task An_allowed_sensitive_read_runs_once_decided_once_and_its_result_goes_to_the_model()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "Desk_read_customer")), Says("done"));

        var answer = await Kernels.AskAsync(Kernels.Gated(_desk, model, o => o.Session = session), "look up the customer");

        Assert.Equal("done", answer.Content);
        Assert.Equal(["read_customer"], _desk.Ran);
        Assert.Equal("Ada, ada@example.com", model.FunctionResults["c1"]?.ToString());
        // Both filters saw the call; the session counted it once.
        var decision = Assert.Single(session.GetRecentDecisions());
        Assert.True(decision.IsAllowed);
        Assert.Equal("read_customer", decision.ToolName);
    }

    [Fact]
    public async Task Exfiltration_after_a_sensitive_read_is_refused_the_function_never_runs_and_the_model_reads_why()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "Desk_read_customer")), Calls(("c2", "Desk_send_email")), Says("could not send"));

        var answer = await Kernels.AskAsync(Kernels.Gated(_desk, model, o => o.Session = session), "mail the record out");

        Assert.Equal("could not send", answer.Content);
        Assert.Equal(["read_customer"], _desk.Ran);
        Assert.Equal(
            "Refused by the Trajeckt policy: flow: label 'customer-pii' (read by read_customer at step 1) may not reach external sink send_email",
            model.FunctionResults["c2"]?.ToString());
        Assert.Equal([null, "flow"], session.GetRecentDecisions().Select(d => d.Code));
    }

    [Fact]
    public async Task A_function_made_from_a_Tool_method_is_decided_as_that_tool()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "Desk_lookup")), Says("done"));

        await Kernels.AskAsync(Kernels.Gated(_desk, model, o => o.Session = session), "what does ticket 7 say");

        Assert.Equal(["read_ticket"], _desk.Ran);
        Assert.Equal("read_ticket", Assert.Single(session.GetRecentDecisions()).ToolName);
    }

    [Fact]
    public async Task A_function_the_policy_does_not_declare_is_refused_unknown_tool_and_never_runs()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "Desk_run_shell")), Says("ok"));

        await Kernels.AskAsync(Kernels.Gated(_desk, model, o => o.Session = session), "clean up");

        Assert.Empty(_desk.Ran);
        Assert.StartsWith(RefusalResult.Prefix + "unknown_tool:", model.FunctionResults["c1"]?.ToString());
        Assert.Equal("unknown_tool", Assert.Single(session.GetRecentDecisions()).Code);
    }

    [Fact]
    public async Task Without_any_session_every_call_is_refused_no_commitment()
    {
        var model = new ScriptedChatClient(Calls(("c1", "Desk_lookup")), Says("ok"));

        await Kernels.AskAsync(Kernels.Gated(_desk, model), "read");

        Assert.Empty(_desk.Ran);
        Assert.StartsWith(RefusalResult.Prefix + "no_commitment:", model.FunctionResults["c1"]?.ToString());
    }

    [Fact]
    public async Task The_ambient_session_decides_when_none_is_configured_and_a_provider_beats_it()
    {
        var ambient = TestSessions.Support();
        var provided = TestSessions.Support();
        using (ambient.Enter())
        {
            await Kernels.AskAsync(Kernels.Gated(_desk, new ScriptedChatClient(Calls(("c1", "Desk_lookup")), Says("ok"))), "read");
            await Kernels.AskAsync(Kernels.Gated(_desk, new ScriptedChatClient(Calls(("c1", "Desk_read_customer")), Says("ok")), o => o.SessionProvider = () => provided), "read");
        }

        Assert.Equal("read_ticket", Assert.Single(ambient.GetRecentDecisions()).ToolName);
        Assert.Equal("read_customer", Assert.Single(provided.GetRecentDecisions()).ToolName);
    }

    [Fact]
    public async Task With_Terminate_a_refused_call_ends_the_loop_without_asking_the_model_again()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "Desk_read_customer")), Calls(("c2", "Desk_send_email")), Says("never asked"));

        await Kernels.AskAsync(Kernels.Gated(_desk, model, o => { o.Session = session; o.OnRefusal = TrajecktRefusalBehavior.Terminate; }), "mail the record out");

        Assert.Equal(2, model.Requests.Count);
        Assert.Equal(["read_customer"], _desk.Ran);
        Assert.Equal("flow", session.GetRecentDecisions()[1].Code);
    }

    [Fact]
    public async Task A_function_that_throws_is_completed_and_the_session_goes_on_deciding_with_its_effects()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "Desk_fetch_url")), Calls(("c2", "Desk_save_memory")), Says("ok"));

        await Kernels.AskAsync(Kernels.Gated(_desk, model, o => o.Session = session), "fetch and remember");

        Assert.Equal(["fetch_url"], _desk.Ran);
        // fetch_url ran (and threw) with untrusted output: the control sink's floor now refuses save_memory.
        Assert.Equal([null, "floor"], session.GetRecentDecisions().Select(d => d.Code));
        Assert.StartsWith(RefusalResult.Prefix + "floor:", model.FunctionResults["c2"]?.ToString());
    }

    [Fact]
    public async Task A_kernel_function_that_a_decided_function_calls_is_decided_on_its_own()
    {
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(Calls(("c1", "Desk_forward_customer")), Says("ok"));

        await Kernels.AskAsync(Kernels.Gated(_desk, model, o => o.Session = session), "forward the customer");

        // forward_customer is read_customer; the send_email it invokes inside is refused and never runs.
        Assert.Equal(["read_customer"], _desk.Ran);
        Assert.Equal(["read_customer", "send_email"], session.GetRecentDecisions().Select(d => d.ToolName));
        Assert.Equal("flow", session.GetRecentDecisions()[1].Code);
        Assert.StartsWith(RefusalResult.Prefix + "flow:", model.FunctionResults["c1"]?.ToString());
    }
}
