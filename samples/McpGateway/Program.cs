using McpGateway;
using Trajeckt.Gateway;

// dotnet run --project samples/McpGateway                      upstream + gateway + smoke test, all on loopback
// dotnet run --project samples/McpGateway -- upstream [URL]    only the sample upstream (default http://127.0.0.1:5100)
// dotnet run --project samples/McpGateway -- smoke URL         only the smoke test, against a running gateway's /mcp URL
// dotnet run --project samples/McpGateway -- stdio             only the sample upstream, over stdio (a stdio upstream's command)
switch (args.FirstOrDefault())
{
    case "upstream":
    {
        var url = args.ElementAtOrDefault(1) ?? "http://127.0.0.1:5100";
        await using var upstream = await SampleUpstream.StartAsync(url);
        Console.WriteLine($"sample MCP upstream at {url}/mcp; Ctrl+C stops it");
        await upstream.WaitForShutdownAsync();
        return 0;
    }
    case "stdio":
        await StdioUpstream.RunAsync();
        return 0;
    case "smoke":
        return await SmokeTest.RunAsync(new Uri(args.ElementAtOrDefault(1) ?? "http://127.0.0.1:8787/mcp"), Console.Out) ? 0 : 1;
    case null:
    {
        await using var upstream = await SampleUpstream.StartAsync("http://127.0.0.1:0");
        var upstreamUrl = upstream.Urls.First() + "/mcp";
        Console.WriteLine($"sample MCP upstream at {upstreamUrl}");
        try
        {
            await using var gateway = await GatewayApp.StartAsync(new[]
            {
                "--urls=http://127.0.0.1:0",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Trajeckt.Gateway=Information",
                $"--Gateway:Upstreams:0:Url={upstreamUrl}",
            });
            var gatewayUrl = new Uri(gateway.Urls.First() + "/mcp");
            Console.WriteLine($"Trajeckt gateway at {gatewayUrl}, nothing configured but the upstream's URL");
            return await SmokeTest.RunAsync(gatewayUrl, Console.Out) ? 0 : 1;
        }
        catch (GatewayStartException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
    default:
        Console.Error.WriteLine("usage: McpGateway [upstream [URL] | stdio | smoke [GATEWAY-MCP-URL]]");
        return 2;
}
