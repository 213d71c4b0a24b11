using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpGateway;

/// <summary>The sample MCP server over stdio: what a gateway's <c>Gateway:Upstreams:N:Command</c> starts.</summary>
public static class StdioUpstream
{
    public static async Task RunAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        // Standard output carries the protocol: every log line goes to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMcpServer().WithStdioServerTransport().WithTools<CustomerTools>();
        await builder.Build().RunAsync();
    }
}
