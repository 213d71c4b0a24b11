using Microsoft.Extensions.Hosting;

namespace Trajeckt.Gateway;

/// <summary>
/// Stops the gateway when its standard input reaches its end (<see cref="Configuration.GatewayOptions.StopWhenInputCloses"/>).
/// <c>trajeckt gateway</c> runs the gateway as a child and holds the other end of that pipe: when the CLI
/// ends in a way no handler sees (SIGKILL, a crash), the system closes the pipe and the gateway stops
/// instead of serving on without the command that started it.
/// </summary>
internal static class InputClosedShutdown
{
    public static void Watch(IHostApplicationLifetime lifetime)
    {
        var watcher = new Thread(() =>
        {
            try
            {
                using var input = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (input.Read(buffer) > 0)
                {
                }
            }
            catch (IOException)
            {
                // A broken input is an ended one.
            }
            lifetime.StopApplication();
        })
        {
            IsBackground = true,
            Name = "Trajeckt gateway input watch",
        };
        watcher.Start();
    }
}
