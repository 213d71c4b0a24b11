using System.Diagnostics;
using ModelContextProtocol.Client;

namespace Trajeckt.GatewayBenchmarks;

/// <summary>Latency of sequential calls and throughput of concurrent clients, against one MCP endpoint.</summary>
internal static class LoadRun
{
    private static readonly Dictionary<string, object?> s_arguments = new() { ["id"] = "42" };

    /// <summary>One client of the stock SDK (<c>McpClient</c>) or the lean <see cref="RawMcpClient"/>, connected and ready to call.</summary>
    public static async Task<Func<Task>> ConnectAsync(Uri endpoint, bool raw)
    {
        if (raw)
        {
            var client = await RawMcpClient.ConnectAsync(endpoint, "read_customer", """{"id":"42"}""");
            return client.CallAsync;
        }
        var sdk = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp }));
        return async () =>
        {
            var result = await sdk.CallToolAsync("read_customer", s_arguments);
            if (result.IsError == true)
                throw new InvalidOperationException("The benchmark's call was not allowed.");
        };
    }

    public static async Task<double[]> LatenciesAsync(Uri endpoint, bool raw, int warmup, int calls)
    {
        var call = await ConnectAsync(endpoint, raw);
        for (var i = 0; i < warmup; i++)
            await call();
        var micros = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(micros);
        return micros;
    }

    public static async Task<double> CallsPerSecondAsync(Uri endpoint, bool raw, int clients, TimeSpan duration)
    {
        var connected = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ConnectAsync(endpoint, raw)));
        foreach (var call in connected)
            await call();
        long total = 0;
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(connected.Select(async call =>
        {
            var count = 0L;
            while (Stopwatch.GetTimestamp() < stop)
            {
                await call();
                count++;
            }
            Interlocked.Add(ref total, count);
        }));
        return total / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
