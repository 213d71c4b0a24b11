using System.Diagnostics;
using ModelContextProtocol.Client;

namespace Trajeckt.GatewayBenchmarks;

/// <summary>Latency of sequential calls and throughput of concurrent clients, against one MCP endpoint.</summary>
internal static class LoadRun
{
    private static readonly Dictionary<string, object?> s_arguments = new() { ["id"] = "42" };

    public static async Task<double[]> LatenciesAsync(Uri endpoint, int warmup, int calls)
    {
        await using var client = await ConnectAsync(endpoint);
        for (var i = 0; i < warmup; i++)
            await CallAsync(client);
        var micros = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await CallAsync(client);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(micros);
        return micros;
    }

    public static async Task<double> CallsPerSecondAsync(Uri endpoint, int clients, TimeSpan duration)
    {
        var connected = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ConnectAsync(endpoint)));
        try
        {
            foreach (var client in connected)
                await CallAsync(client);
            long total = 0;
            var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(connected.Select(async client =>
            {
                var count = 0L;
                while (Stopwatch.GetTimestamp() < stop)
                {
                    await CallAsync(client);
                    count++;
                }
                Interlocked.Add(ref total, count);
            }));
            return total / Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        finally
        {
            foreach (var client in connected)
                await client.DisposeAsync();
        }
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static Task<McpClient> ConnectAsync(Uri endpoint) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp }));

    private static async Task CallAsync(McpClient client)
    {
        var result = await client.CallToolAsync("read_customer", s_arguments);
        if (result.IsError == true)
            throw new InvalidOperationException("The benchmark's call was not allowed.");
    }
}
