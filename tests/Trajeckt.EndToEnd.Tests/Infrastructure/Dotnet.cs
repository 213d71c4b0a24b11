using System.Diagnostics;
using System.Text;

namespace Trajeckt.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the dotnet host that runs these tests, with an environment of the test's choosing.</summary>
internal static class Dotnet
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    /// <summary>The dotnet host: the one running us, else the SDK's, else whatever is on the PATH.</summary>
    public static string HostPath
    {
        get
        {
            var self = Environment.ProcessPath;
            if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
                return self;
            return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        }
    }

    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Execute(HostPath, "dotnet", workingDirectory, environment, args);

    /// <summary>Runs an app's own executable (a single-file publish), finding the runtime beside this dotnet host.</summary>
    public static ProcessResult RunExecutable(string executable, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var withRuntime = new Dictionary<string, string?>(environment) { ["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(ResolvedHostPath)) };
        return Execute(executable, Path.GetFileName(executable), workingDirectory, withRuntime, args);
    }

    // The host's real location: "dotnet" on the PATH resolved, so that an apphost finds the runtime next to it.
    private static string ResolvedHostPath =>
        Path.IsPathRooted(HostPath)
            ? HostPath
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Select(folder => Path.Combine(folder, HostPath))
                .FirstOrDefault(File.Exists) is { } found
                ? new FileInfo(found).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? found
                : throw new InvalidOperationException("dotnet is not on the PATH");

    private static ProcessResult Execute(string fileName, string displayName, string workingDirectory, IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // The test host's own MSBuild variables point into the build that started the tests: a consumer
        // build must not inherit them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        var command = displayName + " " + string.Join(' ', args);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{command}' did not finish within {s_timeout.TotalMinutes} minutes:\n{Snapshot(output)}");
        }
        // With a timeout the wait returns at exit; this one drains the output already written.
        process.WaitForExit();
        return new ProcessResult(command, process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
            return output.ToString();
    }
}
