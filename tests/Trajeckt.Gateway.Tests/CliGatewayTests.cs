using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using McpGateway;
using ModelContextProtocol.Client;

namespace Trajeckt.Gateway.Tests;

/// <summary>
/// <c>trajeckt gateway</c>: the built CLI, run in its own process as a user runs it, which runs the gateway
/// (the repository build's, found through the path file the CLI's build writes) as its child.
/// </summary>
public sealed partial class CliGatewayTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static string CliPath =>
        typeof(CliGatewayTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TrajecktCliPath").Value!;

    [Fact]
    public async Task Help_lists_the_gateways_settings()
    {
        using var cli = Start("gateway", "--help");
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync().WaitAsync(Patience);
        Assert.Equal(0, cli.ExitCode);
        Assert.Contains("Run the MCP gateway", output);
        Assert.Contains("--Gateway:Upstreams:0:Url=URL", output);
    }

    [Fact]
    public async Task An_invalid_setting_stops_the_start_with_its_key_and_the_gateways_exit_code_2()
    {
        using var cli = Start("gateway", "--Gateway:Upstreams:0:Url=http://127.0.0.1:1/mcp", "--Gateway:DecisionHistory=0");
        var error = await cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync().WaitAsync(Patience);
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("Gateway:DecisionHistory", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task It_serves_the_sample_upstream_decides_calls_and_stops_its_gateway_on_SIGTERM()
    {
        await using var upstream = await SampleUpstream.StartAsync("http://127.0.0.1:0");
        using var cli = Start("gateway", "--urls=http://127.0.0.1:0", $"--Gateway:Upstreams:0:Url={upstream.Urls.First()}/mcp");
        try
        {
            var baseUrl = await ListeningUrlAsync(cli);
            using var http = new HttpClient { BaseAddress = baseUrl };
            var health = await http.GetStringAsync("healthz");
            Assert.Contains("\"status\":\"ok\"", health);

            // The quick start's smoke test: the sensitive read allowed, the exfiltrating email refused.
            using var output = new StringWriter();
            Assert.True(await SmokeTest.RunAsync(new Uri(baseUrl, "mcp"), output), output.ToString());
            Assert.Contains("send_email    -> ERROR Refused by the Trajeckt policy: flow:", output.ToString());

            Stop(cli);
            await cli.WaitForExitAsync().WaitAsync(Patience);
            // The gateway stopped gracefully on the SIGTERM sent on to it, and its exit code is the CLI's.
            Assert.Equal(0, cli.ExitCode);
            // The gateway was the CLI's child: it has stopped serving with it.
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetStringAsync("healthz"));
        }
        finally
        {
            if (!cli.HasExited)
                cli.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task A_gateway_whose_trajeckt_is_killed_outright_stops_serving()
    {
        if (OperatingSystem.IsWindows())
            return; // SIGKILL is the case; Windows' Kill already ends the process tree it is given.
        await using var upstream = await SampleUpstream.StartAsync("http://127.0.0.1:0");
        using var cli = Start("gateway", "--urls=http://127.0.0.1:0", $"--Gateway:Upstreams:0:Url={upstream.Urls.First()}/mcp");
        try
        {
            var baseUrl = await ListeningUrlAsync(cli);
            using var http = new HttpClient { BaseAddress = baseUrl };
            Assert.Contains("\"status\":\"ok\"", await http.GetStringAsync("healthz"));

            // Only the CLI is killed, with no chance to run a handler; its gateway child is left to notice.
            using (var kill = Process.Start("kill", ["-KILL", cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            await cli.WaitForExitAsync().WaitAsync(Patience);

            using var timeout = new CancellationTokenSource(Patience);
            while (true)
            {
                try
                {
                    await http.GetStringAsync("healthz", timeout.Token);
                    await Task.Delay(100, timeout.Token);
                }
                catch (HttpRequestException)
                {
                    break;
                }
            }
        }
        finally
        {
            if (!cli.HasExited)
                cli.Kill(entireProcessTree: true);
        }
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliPath);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    // What a service manager sends; Windows has no SIGTERM, so there the test can only kill.
    private static void Stop(Process cli)
    {
        if (OperatingSystem.IsWindows())
        {
            cli.Kill(entireProcessTree: true);
            return;
        }
        using var kill = Process.Start("kill", ["-TERM", cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    // The host logs where it listens ("Now listening on: http://127.0.0.1:PORT") once the gateway serves.
    private static async Task<Uri> ListeningUrlAsync(Process cli)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await cli.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                // Keep draining the output so the gateway never blocks on a full pipe.
                _ = cli.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                _ = cli.StandardError.BaseStream.CopyToAsync(Stream.Null);
                return new Uri(match.Groups[1].Value.TrimEnd('/') + "/");
            }
        }
        throw new InvalidOperationException("trajeckt gateway stopped before listening: " + await cli.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
