using Microsoft.Extensions.AI;
using SupportAgent;
using Trajeckt.Extensions.AI.Tests.Infrastructure;
using Trajeckt.Generated;

namespace Trajeckt.Extensions.AI.Tests;

/// <summary>
/// The generator's <c>TrajecktGraphs.Support.CreateAIFunctions(desk)</c>, as generated into the sample: the functions
/// a model is offered are exactly the trajectory's planned tools, and every call of one is decided.
/// </summary>
public sealed class GeneratedFunctionsTests
{
    private readonly SupportDesk _desk = new();

    [Fact]
    public void The_trajectory_offers_its_planned_tools_named_as_the_policy_names_them_each_gated()
    {
        var functions = TrajecktGraphs.Support.CreateAIFunctions(_desk);

        Assert.Equal(["read_customer", "read_ticket", "reply_ticket", "save_memory", "send_email"], functions.Select(f => f.Name));
        Assert.All(functions, f => Assert.IsType<TrajecktGatedAIFunction>(f));
        Assert.Equal(nameof(SupportDesk.SendEmail), functions.Single(f => f.Name == "send_email").UnderlyingMethod?.Name);
        Assert.Equal("Sends an email.", functions.Single(f => f.Name == "send_email").Description);
        // Another trajectory's tools are another trajectory's functions.
        Assert.DoesNotContain(TrajecktGraphs.OfficeAutomation.CreateAIFunctions(new OfficeWorkspace()), f => f.Name == "send_email");
    }

    [Fact]
    public void A_missing_target_is_refused_at_once()
    {
        Assert.Equal("supportDesk", Assert.Throws<ArgumentNullException>(() => TrajecktGraphs.Support.CreateAIFunctions(null!)).ParamName);
    }

    [Fact]
    public async Task Through_UseTrajeckt_the_read_runs_and_the_exfiltrating_send_is_refused_and_never_runs()
    {
        var session = TestSessions.Sealed(TrajecktGraphs.Support.Encoding.ToArray());
        var model = new ScriptedChatClient(
            Call("c1", "read_ticket", ("ticketId", "T-1")),
            Call("c2", "read_customer", ("customerId", 7)),
            Call("c3", "send_email", ("to", "audit@records-check.example"), ("subject", "record"), ("body", "Ada")),
            ScriptedChatClient.Says("done"));

        await Pipelines.Gated(model, o => o.Session = session)
            .GetResponseAsync(Pipelines.Ask("handle T-1"), new ChatOptions { Tools = [.. TrajecktGraphs.Support.CreateAIFunctions(_desk)] });

        Assert.StartsWith("customer 7: Ada Lovelace", model.FunctionResults["c2"]?.ToString());
        Assert.StartsWith(RefusalResult.Prefix + "flow:", model.FunctionResults["c3"]?.ToString());
        Assert.Empty(_desk.SentEmails);
        // Each call decided once: the pipeline passes over the generated gate instead of deciding twice.
        Assert.Equal(3, session.GetRecentDecisions().Count);
    }

    [Fact]
    public async Task Without_UseTrajeckt_each_function_is_decided_by_the_ambient_session()
    {
        var session = TestSessions.Sealed(TrajecktGraphs.Support.Encoding.ToArray());
        var functions = TrajecktGraphs.Support.CreateAIFunctions(_desk).ToDictionary(f => f.Name);
        using var scope = session.Enter();

        await functions["read_ticket"].InvokeAsync(new() { ["ticketId"] = "T-1" });
        await functions["read_customer"].InvokeAsync(new() { ["customerId"] = 7 });
        var refusal = await Assert.ThrowsAsync<TrajectoryViolationException>(() =>
            functions["send_email"].InvokeAsync(new() { ["to"] = "x@example.com", ["subject"] = "s", ["body"] = "b" }).AsTask());

        Assert.Equal("flow", refusal.Decision.Code);
        Assert.Empty(_desk.SentEmails);
    }

    private static ChatMessage Call(string callId, string name, params (string Name, object? Value)[] arguments) =>
        new(ChatRole.Assistant, [new FunctionCallContent(callId, name, arguments.ToDictionary(a => a.Name, a => a.Value))]);
}
