using System.Diagnostics;
using Trajeckt.TestSupport;

namespace Trajeckt.Cli.Tests.Replay;

public sealed class ReplayProcessTests
{
    [Fact]
    public void The_built_trajeckt_replays_a_vector_as_a_real_process()
    {
        var folder = Path.Combine(RepoPaths.ConformanceVectors, "exfiltration-smoke");

        var (exitCode, output, error) = RunTrajeckt("replay", Path.Combine(folder, "policy.traj"), Path.Combine(folder, "trace.jsonl"), "--json");

        Assert.True(exitCode == 0, output + error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.Equal("{\"step\":3,\"tool\":\"send_email\",\"decision\":\"deny\",\"reason\":\"flow\",\"message\":\"flow: label 'customer-pii' (read by read_customer at step 1) may not reach external sink send_email\"}", lines[2].TrimEnd('\r'));
        Assert.StartsWith("replay Support: 7 steps (4 allowed, 3 denied); all 7 expectations held", error);
    }

    [Fact]
    public void The_built_trajeckt_exits_1_when_an_expectation_fails()
    {
        using var files = new TempFolder();
        var policy = files.File("policy.traj", "trajectory T { tool a; plan a; }");
        var trace = files.File("trace.jsonl", "{\"call\": \"a\", \"expect\": \"allow\"}\n{\"call\": \"a\", \"expect\": \"allow\"}\n");

        var (exitCode, output, error) = RunTrajeckt("replay", policy, trace);

        Assert.Equal(1, exitCode);
        Assert.Contains("[expected allow, got deny (transition)]", output);
        Assert.Contains("(2,1): expectation failed: step 2, call a: expected allow, got deny (transition)", error);
    }

    private static (int ExitCode, string Output, string Error) RunTrajeckt(params string[] args)
    {
        // The CLI project's output is copied beside the tests; run its dll with the dotnet host running us.
        var cli = Path.Combine(AppContext.BaseDirectory, "trajeckt.dll");
        Assert.True(File.Exists(cli), $"{cli} was not built");
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "trajeckt did not exit within a minute");
        return (process.ExitCode, output.Result, error.Result);
    }
}
