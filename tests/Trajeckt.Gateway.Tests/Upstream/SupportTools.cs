using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Server;

namespace Trajeckt.Gateway.Tests.Upstream;

/// <summary>The smoke test's upstream tools, annotated as a real server would annotate them.</summary>
[McpServerToolType]
public sealed class SupportTools
{
    [McpServerTool(Name = "read_customer", ReadOnly = true, OpenWorld = false), Description("Reads a customer's record.")]
    public static string ReadCustomer(string id) => $"customer {id}: Ada Lovelace, ada@example.com";

    [McpServerTool(Name = "send_email", ReadOnly = false, Destructive = false, OpenWorld = true), Description("Sends an email.")]
    public static string SendEmail(string to, string body) => $"sent {body.Length} characters to {to}";

    [McpServerTool(Name = "fetch_url", ReadOnly = true, OpenWorld = true), Description("Fetches a web page.")]
    public static string FetchUrl(string url) => $"<html>page at {url}</html>";

    [McpServerTool(Name = "memory_write", ReadOnly = false, Destructive = false, OpenWorld = false), Description("Stores a note in the agent's memory.")]
    public static string MemoryWrite(string note) => $"remembered {note.Length} characters";

    /// <summary>Answers after the gateway's upstream timeout in the timeout test.</summary>
    [McpServerTool(Name = "slow", ReadOnly = true, OpenWorld = false), Description("Takes two seconds.")]
    public static async Task<string> Slow(CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return "late";
    }

    /// <summary>Drops the connection in the middle of the call, as an upstream that crashes would.</summary>
    [McpServerTool(Name = "crash", ReadOnly = true, OpenWorld = false), Description("Crashes mid-call.")]
    public static async Task<string> Crash(IHttpContextAccessor http)
    {
        http.HttpContext!.Abort();
        await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        return "never";
    }
}
