using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpGateway;

/// <summary>The sample upstream's tools, with the annotations an MCP server states for them.</summary>
[McpServerToolType]
public sealed class CustomerTools
{
    [McpServerTool(Name = "read_customer", ReadOnly = true, OpenWorld = false), Description("Reads a customer's record from the CRM.")]
    public static string ReadCustomer(string id) => $"customer {id}: Ada Lovelace, ada@example.com, card ending 4242";

    [McpServerTool(Name = "send_email", ReadOnly = false, Destructive = false, OpenWorld = true), Description("Sends an email.")]
    public static string SendEmail(string to, string body) => $"sent {body.Length} characters to {to}";

    [McpServerTool(Name = "fetch_url", ReadOnly = true, OpenWorld = true), Description("Fetches a web page.")]
    public static string FetchUrl(string url) => $"<html>(offline sample) page at {url}</html>";

    [McpServerTool(Name = "memory_write", ReadOnly = false, Destructive = false, OpenWorld = false), Description("Stores a note in the agent's memory.")]
    public static string MemoryWrite(string note) => $"remembered {note.Length} characters";
}
