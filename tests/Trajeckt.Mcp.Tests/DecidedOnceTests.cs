using Trajeckt.Mcp.Tests.Infrastructure;

namespace Trajeckt.Mcp.Tests;

/// <summary>
/// Each MCP call is decided once, whether the [McpServerTool] method is itself a [Tool] (run by the SDK by reflection,
/// which nothing intercepts) or calls one (an intercepted call, which takes the filter's decision). The plan
/// <c>read_customer send_email?</c> refuses any call counted twice.
/// </summary>
public sealed class DecidedOnceTests
{
    private TrajecktSession? _session;

    [Fact]
    public void The_generator_intercepts_the_Tool_calls_of_this_project_outside_a_session_they_are_refused()
    {
        var mailer = new Mailer(new ToolLog());

        var e = Assert.Throws<TrajectoryViolationException>(() => mailer.SendEmail("a@example.com"));

        Assert.Equal(ReasonCodes.NoCommitment, e.Decision.Code);
    }

    [Fact]
    public async Task A_Tool_that_is_an_McpServerTool_and_a_Tool_call_in_an_McpServerTool_body_are_each_decided_once()
    {
        await using var server = await StartAsync<DeskTools>();
        var client = await server.ConnectAsync();

        var read = await client.CallAsync("read_customer", ("id", "42"));
        var send = await client.CallAsync("send_email", ("to", "ada@example.com"));

        read.AssertAllowed();
        send.AssertAllowed();
        Assert.Equal(["step 1: read_customer allow", "step 2: send_email allow"], _session!.GetRecentDecisions().Select(d => d.ToString()));
        Assert.Equal(["read_customer", "send_email"], server.Log.Ran);
    }

    [Fact]
    public async Task Only_the_first_Tool_call_of_the_body_takes_the_decision_a_second_send_is_decided_and_refused()
    {
        await using var server = await StartAsync<DoubleSendTools>(mcp => mcp.WithTools<DeskTools>(), omitDeskSend: true);
        var client = await server.ConnectAsync();
        await client.CallAsync("read_customer", ("id", "42"));

        var send = await client.CallAsync("send_email", ("to", "ada@example.com"));

        Assert.StartsWith("transition: the plan does not allow send_email after send_email (step 2)", send.AssertRefused(ReasonCodes.Transition));
        Assert.Equal(["read_customer", "send_email"], server.Log.Ran);
    }

    [Fact]
    public async Task An_McpServerTool_that_runs_a_Tool_of_another_name_is_refused_and_never_runs()
    {
        await using var server = await StartAsync<DeskTools>();
        var client = await server.ConnectAsync();

        var lookup = await client.CallAsync("lookup", ("mail", "ada@example.com"));

        Assert.Equal(
            "unknown_tool: the MCP tool 'lookup' runs the Trajeckt tool 'read_customer_by_mail'; give both the same name so that the call is decided as the tool that runs.",
            lookup.AssertRefused(ReasonCodes.UnknownTool));
        Assert.Empty(server.Log.Ran);
    }

    private Task<McpTestServer> StartAsync<TTools>(Action<IMcpServerBuilder>? more = null, bool omitDeskSend = false) =>
        McpTestServer.StartAsync(mcp =>
        {
            if (omitDeskSend)
                mcp.WithTools([ModelContextProtocol.Server.McpServerTool.Create(typeof(DeskTools).GetMethod(nameof(DeskTools.ReadCustomer))!, r => ActivatorUtilities.CreateInstance<DeskTools>(r.Services!))]);
            else
                more?.Invoke(mcp);
            mcp.WithTools<TTools>().WithTrajeckt(_ => _session = TestSessions.Create(Policies.ReadThenSend));
        });
}
