using McpGateway;
using Microsoft.AspNetCore.Builder;
using Trajeckt.Gateway;
using Trajeckt.GatewayBenchmarks;

// dotnet run -c Release --project benchmarks/Trajeckt.GatewayBenchmarks [-- CALLS CLIENTS SECONDS [sdk|lean|both]]
// The upstream, the gateway and the load generator share this machine's cores; each figure has its
// same-run baseline: the same call made directly to the upstream.
//   sdk:  the sample upstream (the SDK's server) and the SDK's McpClient as the agent, as a user runs it.
//   lean: a minimal upstream (fixed JSON) and a lean HTTP client as the agent, so that the figures measure
//         the gateway's own cost and capacity rather than an SDK client and server sharing its cores.
var calls = args.Length > 0 ? int.Parse(args[0]) : 5000;
var clients = args.Length > 1 ? int.Parse(args[1]) : 8;
var seconds = args.Length > 2 ? double.Parse(args[2]) : 5;
var variant = args.Length > 3 ? args[3] : "both";

Console.WriteLine($"{Environment.ProcessorCount} cores; {calls} sequential calls after {calls / 5} warm-up; {clients} clients for {seconds} s");
Console.WriteLine($"{"",-22} {"p50 us",10} {"p99 us",10} {"calls/s",10}");
if (variant is "sdk" or "both")
{
    await using var upstream = await SampleUpstream.StartAsync("http://127.0.0.1:0");
    await CompareAsync("sdk", upstream, raw: false);
}
if (variant is "lean" or "both")
{
    await using var upstream = await MinimalUpstream.StartAsync();
    await CompareAsync("lean", upstream, raw: true);
}

async Task CompareAsync(string name, WebApplication upstream, bool raw)
{
    var direct = new Uri(upstream.Urls.First() + "/mcp");
    await using var gateway = await GatewayApp.StartAsync(new[]
    {
        "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--Gateway:Upstreams:0:Url={direct}",
    });
    var through = new Uri(gateway.Urls.First() + "/mcp");
    var directLatency = await LoadRun.LatenciesAsync(direct, raw, calls / 5, calls);
    var gatewayLatency = await LoadRun.LatenciesAsync(through, raw, calls / 5, calls);
    var directRate = await LoadRun.CallsPerSecondAsync(direct, raw, clients, TimeSpan.FromSeconds(seconds));
    var gatewayRate = await LoadRun.CallsPerSecondAsync(through, raw, clients, TimeSpan.FromSeconds(seconds));
    Row($"{name}: direct", LoadRun.Percentile(directLatency, 0.5), LoadRun.Percentile(directLatency, 0.99), directRate);
    Row($"{name}: gateway", LoadRun.Percentile(gatewayLatency, 0.5), LoadRun.Percentile(gatewayLatency, 0.99), gatewayRate);
    Row($"{name}: added", LoadRun.Percentile(gatewayLatency, 0.5) - LoadRun.Percentile(directLatency, 0.5), LoadRun.Percentile(gatewayLatency, 0.99) - LoadRun.Percentile(directLatency, 0.99), null);
}

static void Row(string name, double p50, double p99, double? rate) =>
    Console.WriteLine($"{name,-22} {p50,10:F0} {p99,10:F0} {(rate is { } r ? r.ToString("F0") : ""),10}");
