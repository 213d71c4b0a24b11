using Trajeckt.Gateway.Tests.Upstream;

namespace Trajeckt.Gateway.Tests;

/// <summary>Configuration is validated at start, with every problem named by its key; nothing starts half-configured.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Invalid_settings_are_reported_together_by_key()
    {
        var error = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayApp.StartAsync(new[]
        {
            "--urls=http://0.0.0.0:0",
            "--Gateway:Upstreams:0:Name=a_b",
            "--Gateway:Upstreams:0:Url=ftp://example.org/mcp",
            "--Gateway:Upstreams:1:Name=two",
            "--Gateway:SessionIdleTimeout=-00:00:01",
            "--Gateway:AllowedOrigins:0=evil.example",
        }));
        Assert.Contains(error.Problems, p => p.StartsWith("Gateway:Upstreams:0:Name: 'a_b'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Gateway:Upstreams:0:Url:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Gateway:Upstreams:1: set exactly one of Url", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Gateway:SessionIdleTimeout:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Gateway:AllowedOrigins:0:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("urls: 'http://0.0.0.0:0' listens beyond loopback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_short_operator_token_is_refused_without_being_echoed()
    {
        var error = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayApp.StartAsync(new[]
        {
            "--urls=http://127.0.0.1:0",
            "--Gateway:Upstreams:0:Url=http://127.0.0.1:1/mcp",
            "--Gateway:OperatorToken=short-secret-31-characters-long",
        }));
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("Gateway:OperatorToken: the token must be at least 32 characters", problem);
        Assert.DoesNotContain("short-secret", problem);
    }

    [Fact]
    public async Task No_upstream_is_an_error()
    {
        var error = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayApp.StartAsync(new[] { "--urls=http://127.0.0.1:0" }));
        Assert.StartsWith("Gateway:Upstreams: configure at least one upstream", Assert.Single(error.Problems));
    }

    [Fact]
    public async Task A_value_that_does_not_bind_is_an_error_not_a_stack_trace()
    {
        var error = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayApp.StartAsync(new[] { "--Gateway:SessionIdleTimeout=soon" }));
        Assert.StartsWith("configuration: ", Assert.Single(error.Problems));
    }

    [Fact]
    public async Task Heuristic_mode_needs_the_options_to_allow_uncommitted_sessions()
    {
        var error = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayApp.StartAsync(new[]
        {
            "--urls=http://127.0.0.1:0", "--Gateway:Upstreams:0:Url=http://127.0.0.1:1/mcp", "--Gateway:Commitment=Heuristic",
        }));
        Assert.StartsWith("Gateway:Commitment: Heuristic runs without a commitment", Assert.Single(error.Problems));
    }

    [Fact]
    public async Task An_unreachable_upstream_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayApp.StartAsync(new[]
        {
            "--urls=http://127.0.0.1:0", "--Gateway:Upstreams:0:Url=http://127.0.0.1:1/mcp?token=secret", "--Gateway:UpstreamTimeout=00:00:05",
        }));
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("Gateway:Upstreams:0: cannot connect to upstream 'upstream'", problem);
        Assert.DoesNotContain("secret", problem);
    }

    [Fact]
    public async Task An_override_is_read_in_Traj_spelling_and_a_bad_one_names_its_key()
    {
        await using var upstream = await UpstreamServer.StartAsync<SupportTools>();
        var error = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayServer.StartAsync(upstream.Url,
            "--Gateway:Tools:read_customer=sensitive(customer-pii); plan send_email",
            "--Gateway:Tools:send_emial=sink(external)",
            "--Gateway:Tools:fetch_url=sink(externa)"));
        Assert.Contains(error.Problems, p => p.StartsWith("Gateway:Tools:read_customer: ", StringComparison.Ordinal) && p.Contains("without ';'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Gateway:Tools:send_emial: no upstream offers a tool of that name", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Gateway:Tools:fetch_url: 'sink(externa)' at column ", StringComparison.Ordinal));

        await using var gateway = await GatewayServer.StartAsync(upstream.Url,
            "--Gateway:Tools:read_customer=sensitive(customer-pii), origin(CleanWorkspace)",
            "--Gateway:Tools:crash=none");
        var text = await gateway.Http.GetStringAsync("trajeckt/commitment");
        Assert.Matches(@"read_customer\s+sensitive\(customer-pii\), origin\(CleanWorkspace\)\s+<- Gateway:Tools:read_customer", text);
        Assert.Matches(@"crash\s+no effects\s+<- Gateway:Tools:crash", text);
    }
}
