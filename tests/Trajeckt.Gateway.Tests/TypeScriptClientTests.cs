using System.Diagnostics;
using System.Text.Json;

namespace Trajeckt.Gateway.Tests;

/// <summary>
/// "Any MCP-speaking agent", shown: the TypeScript MCP SDK (from npm, pinned by typescript/package-lock.json)
/// runs the smoke test through the gateway. The test installs it with <c>npm ci</c> when it is missing.
/// </summary>
public sealed class TypeScriptClientTests(SupportGateway fixture) : IClassFixture<SupportGateway>
{
    private static readonly string s_folder = Path.Combine(TestSupport.RepoPaths.Root, "tests", "Trajeckt.Gateway.Tests", "typescript");
    private static readonly SemaphoreSlim s_install = new(1, 1);

    [Fact]
    public async Task The_TypeScript_SDK_client_has_its_exfiltration_refused_and_its_read_allowed()
    {
        await EnsureInstalledAsync();
        var (exitCode, stdout, stderr) = await RunAsync("node", "smoke.mjs", fixture.Gateway.McpUrl.ToString());
        Assert.True(exitCode == 0, $"node exited {exitCode}: {stderr}");

        using var json = JsonDocument.Parse(stdout.Trim().Split('\n').Last());
        var root = json.RootElement;
        Assert.Equal("2025-11-25", root.GetProperty("protocolVersion").GetString());
        Assert.Equal(6, root.GetProperty("tools").GetArrayLength());

        var read = root.GetProperty("read");
        Assert.False(read.TryGetProperty("isError", out var readError) && readError.GetBoolean());
        Assert.Equal("customer 42: Ada Lovelace, ada@example.com", read.GetProperty("content")[0].GetProperty("text").GetString());

        var send = root.GetProperty("send");
        Assert.True(send.GetProperty("isError").GetBoolean());
        Assert.StartsWith("Refused by the Trajeckt policy: flow: label 'internal' (read by read_customer at step 1)", send.GetProperty("content")[0].GetProperty("text").GetString());
    }

    private static async Task EnsureInstalledAsync()
    {
        await s_install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(s_folder, "node_modules", "@modelcontextprotocol", "sdk")))
                return;
            var (exitCode, _, stderr) = await RunAsync("npm", "ci", "--no-audit", "--no-fund");
            Assert.True(exitCode == 0, $"npm ci failed ({exitCode}): {stderr}");
        }
        finally
        {
            s_install.Release();
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = s_folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
