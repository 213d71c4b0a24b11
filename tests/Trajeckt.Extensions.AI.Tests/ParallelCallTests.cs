using Trajeckt.Extensions.AI.Tests.Infrastructure;
using static Trajeckt.Tests.AgentTesting.ScriptedChatClient;

namespace Trajeckt.Extensions.AI.Tests;

/// <summary>Several calls in one model response, invoked concurrently by FunctionInvokingChatClient.</summary>
public sealed class ParallelCallTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Concurrent_calls_are_each_decided_and_a_refused_one_never_runs()
    {
        var session = TestSessions.Support();
        var bench = new ToolBench();
        // Both allowed tools wait for each other: the test passes only if they really run at the same time.
        var arrived = 0;
        var bothRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<string> Meet(string name)
        {
            if (Interlocked.Increment(ref arrived) == 2)
                bothRunning.SetResult();
            await bothRunning.Task.WaitAsync(s_wait);
            return $"{name} done";
        }
        var model = new ScriptedChatClient(Calls(("c1", "read_ticket"), ("c2", "read_customer"), ("c3", "run_shell")), Says("ok"));

        await Pipelines.Gated(model, o => o.Session = session, ficc => ficc.AllowConcurrentInvocation = true)
            .GetResponseAsync(Pipelines.Ask("triage"), Pipelines.With(
                bench.AsyncTool("read_ticket", () => Meet("read_ticket")), bench.AsyncTool("read_customer", () => Meet("read_customer")), bench.Tool("run_shell")));

        Assert.Equal(["read_customer", "read_ticket"], bench.Ran.Order());
        Assert.Equal("read_ticket done", model.FunctionResults["c1"]?.ToString());
        Assert.Equal("read_customer done", model.FunctionResults["c2"]?.ToString());
        Assert.StartsWith(RefusalResult.Prefix + "unknown_tool:", model.FunctionResults["c3"]?.ToString());
        var decisions = session.GetRecentDecisions();
        Assert.Equal(3, decisions.Count);
        Assert.Equal(["read_customer", "read_ticket", "run_shell"], decisions.Select(d => d.ToolName!).Order());
    }

    [Fact]
    public async Task An_external_send_decided_while_a_sensitive_read_still_runs_is_refused()
    {
        // The read's labels are committed with its decision, not when it returns, so a send in the same batch
        // cannot slip out while the read is in flight.
        var session = TestSessions.Support();
        var bench = new ToolBench();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var model = new ScriptedChatClient(Calls(("c1", "read_customer"), ("c2", "send_email")), Says("ok"));

        var turn = Pipelines.Gated(model, o => o.Session = session, ficc => ficc.AllowConcurrentInvocation = true)
            .GetResponseAsync(Pipelines.Ask("triage"), Pipelines.With(bench.AsyncTool("read_customer", () => release.Task), bench.Tool("send_email")));
        var sendDecided = session.GetRecentDecisions().Any(d => d.ToolName == "send_email");
        release.SetResult("pii");
        await turn;

        Assert.True(sendDecided, "the send was not decided while the read was still running");
        Assert.Equal(["read_customer"], bench.Ran);
        Assert.StartsWith(RefusalResult.Prefix + "flow:", model.FunctionResults["c2"]?.ToString());
    }
}
