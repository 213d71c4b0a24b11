using McpGateway;
using Trajeckt.Gateway;
using Trajeckt.GatewayBenchmarks;

// dotnet run -c Release --project benchmarks/Trajeckt.GatewayBenchmarks [-- CALLS CLIENTS SECONDS]
// The upstream, the gateway and the load generator share this machine's cores; each figure has its
// same-run baseline: the same call made directly to the upstream.
var calls = args.Length > 0 ? int.Parse(args[0]) : 5000;
var clients = args.Length > 1 ? int.Parse(args[1]) : 8;
var seconds = args.Length > 2 ? double.Parse(args[2]) : 5;

await using var upstream = await SampleUpstream.StartAsync("http://127.0.0.1:0");
var direct = new Uri(upstream.Urls.First() + "/mcp");
await using var gateway = await GatewayApp.StartAsync(new[]
{
    "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--Gateway:Upstreams:0:Url={direct}",
});
var through = new Uri(gateway.Urls.First() + "/mcp");

Console.WriteLine($"{Environment.ProcessorCount} cores; {calls} sequential calls after {calls / 5} warm-up; {clients} clients for {seconds} s");
var directLatency = await LoadRun.LatenciesAsync(direct, calls / 5, calls);
var gatewayLatency = await LoadRun.LatenciesAsync(through, calls / 5, calls);
var directRate = await LoadRun.CallsPerSecondAsync(direct, clients, TimeSpan.FromSeconds(seconds));
var gatewayRate = await LoadRun.CallsPerSecondAsync(through, clients, TimeSpan.FromSeconds(seconds));

Console.WriteLine($"{"",-10} {"p50 us",10} {"p99 us",10} {"calls/s",10}");
Console.WriteLine($"{"direct",-10} {LoadRun.Percentile(directLatency, 0.5),10:F0} {LoadRun.Percentile(directLatency, 0.99),10:F0} {directRate,10:F0}");
Console.WriteLine($"{"gateway",-10} {LoadRun.Percentile(gatewayLatency, 0.5),10:F0} {LoadRun.Percentile(gatewayLatency, 0.99),10:F0} {gatewayRate,10:F0}");
Console.WriteLine($"{"added",-10} {LoadRun.Percentile(gatewayLatency, 0.5) - LoadRun.Percentile(directLatency, 0.5),10:F0} {LoadRun.Percentile(gatewayLatency, 0.99) - LoadRun.Percentile(directLatency, 0.99),10:F0}");
