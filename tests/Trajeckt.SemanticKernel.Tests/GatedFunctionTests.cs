using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
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
}
