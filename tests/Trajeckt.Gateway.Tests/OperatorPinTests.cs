using Trajeckt.Gateway.Tests.Upstream;
using Trajeckt.Mcp;
using Trajeckt.Sealing;
using Trajeckt.Traj;

namespace Trajeckt.Gateway.Tests;

/// <summary>
/// The operator's flow: a sealed policy must pin the upstream's definitions; after a change, the operator reviews
/// the new definition, replaces its pin line, re-seals and restarts the gateway, and the tool works again.
/// </summary>
public sealed class OperatorPinTests : IAsyncLifetime
{
    private const string Policy = """
        trajectory Support {
          tool read_customer : sensitive(customer-pii);
          tool send_email    : sink(external);
          tool fetch_url     : egress, origin(Untrusted);
        }
        """;

    private readonly string _work = Directory.CreateTempSubdirectory("trajeckt-pins-").FullName;
    private readonly OperatorKeyPair _key = OperatorKeyPair.Generate();
    private ChangingUpstream? _upstream;

    private string PolicyPath => Path.Combine(_work, "support.traj");

    public async Task InitializeAsync() => _upstream = await ChangingUpstream.StartAsync();

    public async Task DisposeAsync()
    {
        if (_upstream is not null)
            await _upstream.DisposeAsync();
        _key.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task A_policy_without_pins_stops_the_start_and_prints_the_lines_to_review()
    {
        WriteAndSeal(Policy);
        var error = await Assert.ThrowsAsync<GatewayStartException>(StartAsync);
        Assert.StartsWith($"Gateway:Policy: the sealed graph of '{PolicyPath}' pins no tool definition", error.Problems[0]);
        Assert.Equal(new[] { "read_customer", "send_email", "fetch_url" }, PinLines(error.Problems).Select(l => l.Split(' ')[1]));
        Assert.Contains(error.Problems, p => p.Contains("// {\"annotations\":", StringComparison.Ordinal) && p.Contains("\"description\":\"Sends an email.\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reviewed_change_is_restored_by_re_sealing()
    {
        // First seal: the operator pins what the upstream offers now.
        WriteAndSeal(Policy);
        var lines = PinLines((await Assert.ThrowsAsync<GatewayStartException>(StartAsync)).Problems);
        var pinned = WithPins(Policy, lines);
        WriteAndSeal(pinned);

        await using (var gateway = await StartAsync())
        {
            await using var agent = await gateway.ConnectAgentAsync();
            Assert.NotEqual(true, (await agent.CallAsync("send_email", ("to", "bob@example.com"), ("body", "hi"))).IsError);

            // The upstream changes send_email: refused, with the pin it no longer matches.
            await _upstream!.ReplaceAsync(ChangingUpstream.SendEmail("Sends an email; copies go to the archive."));
            await WaitForAsync(gateway, "send_email");
            var refused = await agent.CallAsync("send_email", ("to", "bob@example.com"), ("body", "hi"));
            Assert.True(McpRefusal.TryRead(refused, out var code, out var message));
            Assert.Equal("tool_definition_changed", code);
            Assert.Equal("tool_definition_changed: the definition of send_email is not the pinned one: description changed; refused until an operator reviews it and re-seals", message);

            // The operator reviews the live definition the gateway shows and takes its pin line.
            var review = await gateway.Http.GetStringAsync("trajeckt/pins");
            Assert.Contains("send_email: REFUSED: the definition of send_email is not the pinned one", review);
            Assert.Contains("copies go to the archive", review);
            lines = review.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("pin ", StringComparison.Ordinal)).ToArray();
        }

        // Editing a pin without re-sealing does not load: the seal covers the pins.
        File.WriteAllText(PolicyPath, WithPins(Policy, lines));
        var unsealed = await Assert.ThrowsAsync<GatewayStartException>(StartAsync);
        Assert.StartsWith("Gateway:Seal: the seal does not verify: digest mismatch", Assert.Single(unsealed.Problems));

        WriteAndSeal(WithPins(Policy, lines));
        await using (var gateway = await StartAsync())
        {
            await using var agent = await gateway.ConnectAgentAsync();
            var send = await agent.CallAsync("send_email", ("to", "bob@example.com"), ("body", "hi"));
            Assert.NotEqual(true, send.IsError);
            var offered = (await agent.ListToolsAsync()).Single(t => t.Name == "send_email").ProtocolTool;
            Assert.Equal("Sends an email; copies go to the archive.", offered.Description);
        }
    }

    [Fact]
    public async Task A_definition_that_differs_at_start_is_refused_and_the_others_work()
    {
        WriteAndSeal(Policy);
        var lines = PinLines((await Assert.ThrowsAsync<GatewayStartException>(StartAsync)).Problems);
        WriteAndSeal(WithPins(Policy, lines));
        await _upstream!.ReplaceAsync(ChangingUpstream.WidenedReadCustomer());

        await using var gateway = await StartAsync();
        await using var agent = await gateway.ConnectAgentAsync();
        var read = await agent.CallAsync("read_customer", ("id", "1"), ("query", "x"));
        Assert.True(McpRefusal.TryRead(read, out _, out var message));
        // The pinned definition was never seen in this run, so the gateway can only name the hashes.
        Assert.StartsWith("tool_definition_changed: the definition of read_customer is not the pinned one: it hashes to sha256:", message);
        Assert.DoesNotContain("read_customer", (await agent.ListToolsAsync()).Select(t => t.Name));
        Assert.NotEqual(true, (await agent.CallAsync("send_email", ("to", "bob@example.com"), ("body", "hi"))).IsError);
    }

    [Fact]
    public async Task A_declared_tool_the_policy_does_not_pin_is_neither_offered_nor_callable()
    {
        WriteAndSeal(Policy);
        var lines = PinLines((await Assert.ThrowsAsync<GatewayStartException>(StartAsync)).Problems);
        WriteAndSeal(WithPins(Policy, lines.Where(l => !l.StartsWith("pin fetch_url ", StringComparison.Ordinal))));

        await using var gateway = await StartAsync();
        await using var agent = await gateway.ConnectAgentAsync();
        Assert.Equal(new[] { "read_customer", "send_email" }, (await agent.ListToolsAsync()).Select(t => t.Name));
        var fetch = await agent.CallAsync("fetch_url", ("url", "https://example.net/"));
        Assert.True(McpRefusal.TryRead(fetch, out var code, out var message));
        Assert.Equal(("tool_definition_changed", true), (code, message.Contains("the commitment does not pin it", StringComparison.Ordinal)));
    }

    private Task<GatewayServer> StartAsync() => GatewayServer.StartAsync(
        _upstream!.Url,
        "--Gateway:Commitment=Operator",
        $"--Gateway:Policy={PolicyPath}",
        $"--Trajeckt:TrustedKeys:0={_key.PublicKey}");

    private void WriteAndSeal(string policy)
    {
        File.WriteAllText(PolicyPath, policy);
        var compiled = TrajCompiler.Compile(policy, PolicyPath);
        Assert.True(compiled.Success, string.Join("\n", compiled.Diagnostics));
        SealFile.Write(PolicyPath + ".seal", Sealer.Sign(compiled.Trajectories.Single().Encoding, _key));
    }

    private static string[] PinLines(IEnumerable<string> problems) =>
        problems.SelectMany(p => p.Split('\n')).Select(l => l.Trim()).Where(l => l.StartsWith("pin ", StringComparison.Ordinal)).ToArray();

    private static string WithPins(string policy, IEnumerable<string> lines) =>
        policy.Replace("\n}", "\n" + string.Concat(lines.Select(l => "  " + l + "\n")) + "}", StringComparison.Ordinal);

    private static async Task WaitForAsync(GatewayServer gateway, string tool)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!(gateway.Runtime.Catalog!.IsCurrent && gateway.Runtime.Catalog.TryGet(tool, out _, out var refusal) && refusal is not null))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the gateway did not see the change of {tool}");
            await Task.Delay(25);
        }
    }
}
