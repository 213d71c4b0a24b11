using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Trajeckt.GatewayBenchmarks;

/// <summary>
/// The least an MCP server over Streamable HTTP can be: initialize, tools/list and tools/call of one
/// read-only tool answered with fixed JSON. Against it the load generator measures the gateway's own
/// capacity, not the cost of an SDK upstream sharing the same cores.
/// </summary>
internal static class MinimalUpstream
{
    private const string Tool = """{"name":"read_customer","description":"Reads a customer's record from the CRM.","inputSchema":{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]},"annotations":{"readOnlyHint":true,"openWorldHint":false}}""";

    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/mcp", HandleAsync);
        app.MapGet("/mcp", () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        app.MapDelete("/mcp", () => Results.Ok());
        await app.StartAsync();
        return app;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        using var message = await JsonDocument.ParseAsync(context.Request.Body);
        if (!message.RootElement.TryGetProperty("id", out var id))
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }
        var result = message.RootElement.GetProperty("method").GetString() switch
        {
            "initialize" => """{"protocolVersion":"2025-11-25","capabilities":{"tools":{}},"serverInfo":{"name":"minimal","version":"1.0.0"}}""",
            "tools/list" => $$"""{"tools":[{{Tool}}]}""",
            "tools/call" => """{"content":[{"type":"text","text":"customer 42: Ada Lovelace, ada@example.com, card ending 4242"}]}""",
            _ => null,
        };
        if (context.Request.Headers["Mcp-Session-Id"].Count == 0)
            context.Response.Headers["Mcp-Session-Id"] = "minimal-session";
        context.Response.ContentType = "application/json";
        var body = result is null
            ? $$$"""{"jsonrpc":"2.0","id":{{{id.GetRawText()}}},"error":{"code":-32601,"message":"Method not found"}}"""
            : $$$"""{"jsonrpc":"2.0","id":{{{id.GetRawText()}}},"result":{{{result}}}}""";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
    }
}
