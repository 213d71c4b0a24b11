using Microsoft.SemanticKernel;
using Trajeckt.SemanticKernel.Tests.Infrastructure;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.SemanticKernel.Tests;

/// <summary>Several calls in one model response, invoked concurrently by the kernel.</summary>
public sealed class ParallelCallTests
{
    [Fact]
    public async Task Concurrent_calls_are_each_decided_once_and_a_refused_one_never_runs()
    {
        var desk = new DeskPlugin();
        var session = TestSessions.Support();
        var model = new ScriptedChatClient(
            Calls(("c1", "Desk_read_customer"), ("c2", "Desk_lookup"), ("c3", "Desk_run_shell")), Says("done"));

        await Kernels.AskAsync(
            Kernels.Gated(desk, model, o => o.Session = session), "do all of it",
            new FunctionChoiceBehaviorOptions { AllowParallelCalls = true, AllowConcurrentInvocation = true });

        Assert.Equal(["read_customer", "read_ticket"], desk.Ran.Order());
        var decisions = session.GetRecentDecisions();
        Assert.Equal(["read_customer", "read_ticket", "run_shell"], decisions.Select(d => d.ToolName).Order());
        Assert.Equal("unknown_tool", decisions.Single(d => !d.IsAllowed).Code);
    }
}
