using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SupportAgent;
using Trajeckt.Extensions.AI;
using Trajeckt.SemanticKernel.Tests.Infrastructure;

namespace Trajeckt.SemanticKernel.Tests;

/// <summary>
/// Gated AIFunctions (the generator's CreateAIFunctions, a TrajecktAIFunction) made into kernel functions: the filters
/// decide each call once, and the gate inside claims that decision instead of deciding the call again.
/// </summary>
public sealed class GatedFunctionTests
{
    private readonly SupportDesk _desk = new();

    [Fact]
    public async Task The_generated_functions_as_kernel_functions_are_decided_once_each_and_the_exfiltration_is_refused()
    {
        var session = TestSessions.Sealed(TrajecktGraphs.Support.Encoding.ToArray());
        var kernel = new Kernel().UseTrajeckt(session);
        var functions = kernel.Plugins.AddFromFunctions("Support", TrajecktGraphs.Support.CreateAIFunctions(_desk).Select(f => f.AsKernelFunction()));

        await kernel.InvokeAsync(functions["read_ticket"], new KernelArguments { ["ticketId"] = "T-1" });
        var record = await kernel.InvokeAsync(functions["read_customer"], new KernelArguments { ["customerId"] = 7 });
        var send = await kernel.InvokeAsync(functions["send_email"], new KernelArguments { ["to"] = "x@example.com", ["subject"] = "s", ["body"] = "b" });

        Assert.StartsWith("customer 7: Ada Lovelace", record.ToString());
        Assert.StartsWith(RefusalResult.Prefix + "flow:", send.ToString());
        Assert.Empty(_desk.SentEmails);
        Assert.Equal([null, null, "flow"], session.GetRecentDecisions().Select(d => d.Code));
    }

    [Fact]
    public async Task A_TrajecktAIFunction_as_a_kernel_function_is_decided_once()
    {
        var session = TestSessions.Support();
        var kernel = new Kernel().UseTrajeckt(session);
        var ran = 0;
        var read = new TrajecktAIFunction(AIFunctionFactory.Create(() => ran++, "read_customer"), "read_customer").AsKernelFunction();

        await kernel.InvokeAsync(read);
        await kernel.InvokeAsync(read);

        Assert.Equal(2, ran);
        Assert.Equal(2, session.GetRecentDecisions().Count);
    }

    [Fact]
    public async Task A_TrajecktAIFunction_named_otherwise_is_decided_once_as_its_tool()
    {
        var session = TestSessions.Support();
        var kernel = new Kernel().UseTrajeckt(session);
        var read = new TrajecktAIFunction(AIFunctionFactory.Create(() => "record", "lookup"), "read_customer").AsKernelFunction();

        await kernel.InvokeAsync(read);

        Assert.Equal("read_customer", Assert.Single(session.GetRecentDecisions()).ToolName);
    }

    [Fact]
    public async Task Auto_invoked_generated_functions_pass_both_filters_with_one_decision_each()
    {
        var session = TestSessions.Sealed(TrajecktGraphs.Support.Encoding.ToArray());
        var model = new ScriptedChatClient(
            new ChatMessage(ChatRole.Assistant, [new Microsoft.Extensions.AI.FunctionCallContent("c1", "Support_read_ticket", new Dictionary<string, object?> { ["ticketId"] = "T-1" })]),
            new ChatMessage(ChatRole.Assistant, [new Microsoft.Extensions.AI.FunctionCallContent("c2", "Support_reply_ticket", new Dictionary<string, object?> { ["ticketId"] = "T-1", ["message"] = "fixed" })]),
            ScriptedChatClient.Says("done"));
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatCompletionService>(new ChatClientBuilder(model).UseKernelFunctionInvocation().Build().AsChatCompletionService());
        builder.Services.AddTrajecktFilters(session);
        builder.Plugins.AddFromFunctions("Support", TrajecktGraphs.Support.CreateAIFunctions(_desk).Select(f => f.AsKernelFunction()));

        var answer = await Kernels.AskAsync(builder.Build(), "handle T-1");

        Assert.Equal("done", answer.Content);
        Assert.Equal(["T-1: fixed"], _desk.Replies);
        Assert.Equal(["read_ticket", "reply_ticket"], session.GetRecentDecisions().Select(d => d.ToolName));
    }

    [Fact]
    public async Task A_kernel_function_that_calls_a_gated_function_itself_makes_a_second_decided_call()
    {
        // The filter decided the wrapper as read_customer; the generated gate it calls runs another method, so it is
        // another call: decided on its own, never covered by the wrapper's decision.
        var session = TestSessions.Sealed(TrajecktGraphs.Support.Encoding.ToArray());
        var kernel = new Kernel().UseTrajeckt(session);
        var gated = TrajecktGraphs.Support.CreateAIFunctions(_desk).Single(f => f.Name == "read_customer");
        var wrapper = KernelFunctionFactory.CreateFromMethod(
            async () => (await gated.InvokeAsync(new AIFunctionArguments { ["customerId"] = 7 }))?.ToString(), "read_customer");

        session.Complete(session.Begin("read_ticket"));

        await kernel.InvokeAsync(wrapper);

        // Two decisions: the wrapper's call, and the gate's, which is a call of its own.
        Assert.Equal(["read_ticket", "read_customer", "read_customer"], session.GetRecentDecisions().Select(d => d.ToolName));
    }
}
