using Microsoft.SemanticKernel;
using Trajeckt.Extensions.AI;
using Trajeckt.SemanticKernel.Tests.Infrastructure;

namespace Trajeckt.SemanticKernel.Tests;

/// <summary>Functions invoked by the application itself (kernel.InvokeAsync): the function-invocation filter decides them.</summary>
public sealed class DirectInvocationTests
{
    private readonly DeskPlugin _desk = new();

    private Kernel Kernel(TrajecktSession session, TrajecktRefusalBehavior onRefusal = TrajecktRefusalBehavior.ReturnRefusal)
    {
        var kernel = new Kernel();
        kernel.Plugins.AddFromObject(_desk, DeskPlugin.Name);
        return kernel.UseTrajeckt(session, o => o.OnRefusal = onRefusal);
    }

    [Fact]
    public async Task An_allowed_call_runs_and_a_refused_one_returns_the_refusal_without_running()
    {
        var session = TestSessions.Support();
        var kernel = Kernel(session);

        var read = await kernel.InvokeAsync(DeskPlugin.Name, "read_customer");
        var send = await kernel.InvokeAsync(DeskPlugin.Name, "send_email");

        Assert.Equal("Ada, ada@example.com", read.GetValue<string>());
        Assert.StartsWith(RefusalResult.Prefix + "flow:", send.GetValue<string>());
        Assert.Equal(["read_customer"], _desk.Ran);
        Assert.Equal([null, "flow"], session.GetRecentDecisions().Select(d => d.Code));
    }

    [Fact]
    public async Task With_Throw_a_refused_call_throws_the_violation_and_never_runs()
    {
        var session = TestSessions.Support();
        var kernel = Kernel(session, TrajecktRefusalBehavior.Throw);

        var e = await Assert.ThrowsAsync<TrajectoryViolationException>(() => kernel.InvokeAsync(DeskPlugin.Name, "run_shell"));

        Assert.Equal("unknown_tool", e.Code);
        Assert.Empty(_desk.Ran);
    }

    [Fact]
    public async Task A_refused_streaming_invocation_throws_the_violation_and_never_runs()
    {
        var session = TestSessions.Support();
        var kernel = Kernel(session);

        var stream = kernel.InvokeStreamingAsync<string>(kernel.Plugins[DeskPlugin.Name]["run_shell"]);
        var e = await Assert.ThrowsAsync<TrajectoryViolationException>(async () => { await foreach (var _ in stream) { } });

        Assert.Equal("unknown_tool", e.Code);
        Assert.Empty(_desk.Ran);
    }

    [Fact]
    public async Task An_allowed_streaming_invocation_streams_the_result()
    {
        var session = TestSessions.Support();
        var kernel = Kernel(session);

        var parts = new List<string>();
        await foreach (var part in kernel.InvokeStreamingAsync<string>(kernel.Plugins[DeskPlugin.Name]["lookup"]))
            parts.Add(part);

        Assert.Equal(["ticket 7: printer on fire"], parts);
        Assert.Equal("read_ticket", Assert.Single(session.GetRecentDecisions()).ToolName);
    }

    [Fact]
    public async Task A_function_that_throws_propagates_its_exception_after_the_call_is_completed()
    {
        var session = TestSessions.Support();
        var kernel = Kernel(session);

        await Assert.ThrowsAsync<HttpRequestException>(() => kernel.InvokeAsync(DeskPlugin.Name, "fetch_url"));
        var save = await kernel.InvokeAsync(DeskPlugin.Name, "save_memory");

        Assert.StartsWith(RefusalResult.Prefix + "floor:", save.GetValue<string>());
        Assert.Equal(["fetch_url"], _desk.Ran);
    }

    [Fact]
    public async Task A_filter_registered_before_that_runs_the_function_twice_gets_each_run_decided()
    {
        var session = TestSessions.Support();
        var kernel = new Kernel();
        kernel.Plugins.AddFromObject(_desk, DeskPlugin.Name);
        kernel.FunctionInvocationFilters.Add(new RetryingFilter());
        kernel.UseTrajeckt(session);

        await kernel.InvokeAsync(DeskPlugin.Name, "lookup");

        Assert.Equal(["read_ticket", "read_ticket"], _desk.Ran);
        Assert.Equal(2, session.GetRecentDecisions().Count);
    }

    private sealed class RetryingFilter : IFunctionInvocationFilter
    {
        public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
        {
            await next(context);
            await next(context);
        }
    }
}
