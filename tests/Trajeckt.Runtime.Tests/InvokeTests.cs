using static Trajeckt.Runtime.Tests.Support.Policies;

namespace Trajeckt.Runtime.Tests;

public sealed class InvokeTests
{
    private const string Policy = "trajectory T { tool read : sensitive(secret); tool send : sink(external); }";

    [Fact]
    public void Invoke_runs_an_allowed_tool_and_returns_its_result()
    {
        var session = Session(Policy);
        Assert.True(session.Commitment!.TryGetToolId("read", out var read));
        Assert.Equal(42, session.Invoke(read, () => 42));
    }

    [Fact]
    public void Invoke_throws_on_refusal_without_running_the_tool()
    {
        var session = Session(Policy);
        session.Invoke("read", () => 0);
        var ran = false;
        var error = Assert.Throws<TrajectoryViolationException>(() => session.Invoke("send", () => ran = true));
        Assert.False(ran);
        Assert.Equal(DecisionReason.Flow, error.Reason);
        Assert.Equal("flow", error.Code);
        Assert.Equal(error.Decision.Message, error.Message);
        Assert.Equal(2, error.Decision.Step);
    }

    [Fact]
    public async Task InvokeAsync_runs_allowed_tools_and_throws_on_refusal()
    {
        var session = Session(Policy);
        Assert.Equal("done", await session.InvokeAsync("read", async () => { await Task.Yield(); return "done"; }));
        Assert.True(session.Commitment!.TryGetToolId("send", out var send));
        var error = await Assert.ThrowsAsync<TrajectoryViolationException>(() => session.InvokeAsync(send, () => Task.FromResult(1)));
        Assert.Equal(DecisionReason.Flow, error.Reason);
    }

    [Fact]
    public void A_tool_that_throws_still_counts_as_called()
    {
        var session = Session("trajectory T { tool a; plan a; }");
        Assert.Throws<InvalidOperationException>(() => session.Invoke<int>("a", () => throw new InvalidOperationException()));
        AssertRefused(session.Begin("a"), DecisionReason.Transition);
    }

    [Fact]
    public void A_null_tool_body_is_rejected_before_the_call_is_decided()
    {
        var session = Session("trajectory T { tool a; plan a; }");
        Assert.Throws<ArgumentNullException>(() => session.Invoke<int>("a", null!));
        Assert.Empty(session.GetRecentDecisions());
        AssertAllowed(session.Begin("a"));
    }
}
