using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Trajeckt.TestSupport;

/// <summary>A redis-server (installed by .ci/run) the tests start on a free loopback port, without persistence, and stop.</summary>
public sealed class RedisServer : IDisposable
{
    private Process? _process;

    public RedisServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Start();
    }

    public int Port { get; }

    /// <summary>The client configuration, with 1 s timeouts so that a stopped server is noticed quickly.</summary>
    public string Configuration => ConfigurationWithTimeout(1000);

    /// <summary>The client configuration with other timeouts (a test that counts exactness under load, not the give-up path).</summary>
    public string ConfigurationWithTimeout(int milliseconds) =>
        $"127.0.0.1:{Port},abortConnect=false,connectTimeout={milliseconds},syncTimeout={milliseconds},asyncTimeout={milliseconds}";

    public void Start()
    {
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            info.ArgumentList.Add(arg);
        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start (run .ci/run, which installs it)");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on port {Port}");
    }

    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();
}
