using System.ComponentModel;
using ModelContextProtocol.Server;
using Trajeckt.Extensions.AI;

namespace Trajeckt.Mcp.Tests.Infrastructure;

/// <summary>The smoke test's MCP server tools: plain [McpServerTool] methods, none of them a [Tool].</summary>
[McpServerToolType]
public sealed class SupportTools(ToolLog log)
{
    [McpServerTool(Name = "read_customer"), Description("Reads a customer record.")]
    public string ReadCustomer(string id)
    {
        log.Add("read_customer");
        return $"customer {id}: Ada Lovelace, ada@example.com";
    }

    [McpServerTool(Name = "send_email"), Description("Sends an email.")]
    public string SendEmail(string to, string body)
    {
        log.Add("send_email");
        return $"sent {body.Length} characters to {to}";
    }

    [McpServerTool(Name = "fetch_url"), Description("Fetches a web page.")]
    public string FetchUrl(string url)
    {
        log.Add("fetch_url");
        // What the page said is known only now: the tool reports it, as in the other integrations.
        TrajecktToolOutput.ReportLabels("web-content");
        return $"<html>{url}</html>";
    }

    [McpServerTool(Name = "memory_write"), Description("Writes a note to durable memory.")]
    public string MemoryWrite(string note)
    {
        log.Add("memory_write");
        return $"remembered {note.Length} characters";
    }
}
