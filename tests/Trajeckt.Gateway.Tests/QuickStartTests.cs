using McpGateway;

namespace Trajeckt.Gateway.Tests;

/// <summary>The README's gateway line: the sample upstream, the gateway in front with nothing configured by hand, the smoke test.</summary>
public sealed class QuickStartTests
{
    [Fact]
    public async Task The_sample_smoke_test_passes_through_the_gateway()
    {
        await using var upstream = await SampleUpstream.StartAsync("http://127.0.0.1:0");
        await using var gateway = await GatewayServer.StartAsync(new Uri(upstream.Urls.First() + "/mcp"));
        using var output = new StringWriter();
        Assert.True(await SmokeTest.RunAsync(gateway.McpUrl, output), output.ToString());
        Assert.Contains("send_email    -> ERROR Refused by the Trajeckt policy: flow: label 'internal' (read by read_customer at step 1) may not reach external sink send_email", output.ToString());
    }
}
