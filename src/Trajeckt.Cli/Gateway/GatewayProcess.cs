using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Trajeckt.Cli.Gateway;

/// <summary>
/// Runs the gateway application as a child process of <c>trajeckt</c>: the CLI itself runs on the base .NET
/// runtime only (its copy in the Trajeckt package signs builds where ASP.NET Core may be absent), the gateway on
/// ASP.NET Core. The child shares the console (its output and errors go where the CLI's go, unbuffered), is
/// asked to stop when the CLI is (Ctrl+C, SIGTERM), killed if it has not stopped in time or if the CLI leaves
/// for any other reason, stops by itself when the CLI is killed outright (its input pipe closes), and its exit
/// code is the CLI's.
/// </summary>
internal static partial class GatewayProcess
{
    // How long the gateway has to stop cleanly after a signal before it is killed: within the 2 s after which
    // System.CommandLine may end the CLI on a termination signal.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1.5);

    private const int SigTerm = 15;

    public static async Task<int> RunAsync(string gatewayDll, IReadOnlyList<string> settings, CancellationToken cancellationToken)
    {
        // The gateway's input is a pipe only this process holds: if it is killed outright (SIGKILL), the system
        // closes the pipe and the gateway stops (Gateway:StopWhenInputCloses, given last so that it wins).
        var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false, RedirectStandardInput = true };
        start.ArgumentList.Add(gatewayDll);
        foreach (var setting in settings)
            start.ArgumentList.Add(setting);
        start.ArgumentList.Add("--Gateway:StopWhenInputCloses=true");
        using var gateway = Process.Start(start) ?? throw new InvalidOperationException($"could not start {gatewayDll}");
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The CLI's own handlers: by default a signal would end the CLI at once, leaving the gateway running.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
        EventHandler killOnExit = (_, _) => KillIfRunning(gateway);
        AppDomain.CurrentDomain.ProcessExit += killOnExit;
        try
        {
            await gateway.WaitForExitAsync(stopping.Token).ConfigureAwait(false);
            return gateway.ExitCode;
        }
        catch (OperationCanceledException)
        {
            AskToStop(gateway);
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await gateway.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                return gateway.ExitCode;
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"the gateway did not stop within {StopGrace.TotalSeconds} s and was killed");
            }
        }
        finally
        {
            // Never leave a gateway serving after the command that started it has ended.
            AppDomain.CurrentDomain.ProcessExit -= killOnExit;
            KillIfRunning(gateway);
        }

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stopping.Cancel();
        }
    }

    private static void KillIfRunning(Process gateway)
    {
        if (!gateway.HasExited)
            gateway.Kill(entireProcessTree: true);
    }

    // The dotnet host of the runtime this CLI runs on (DOTNET_ROOT/shared/Microsoft.NETCore.App/VERSION/), so
    // that the gateway runs on the same installation; "dotnet" from PATH if that layout is not found.
    private static string DotnetHost()
    {
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtime.Parent?.Parent?.Parent;
        var host = root is null ? null : Path.Combine(root.FullName, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return host is not null && File.Exists(host) ? host : "dotnet";
    }

    // SIGTERM lets the ASP.NET Core host shut down gracefully; Windows has no such signal, so the child is killed.
    private static void AskToStop(Process gateway)
    {
        if (gateway.HasExited)
            return;
        if (OperatingSystem.IsWindows() || SendSignal(gateway.Id, SigTerm) != 0)
            gateway.Kill(entireProcessTree: true);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
