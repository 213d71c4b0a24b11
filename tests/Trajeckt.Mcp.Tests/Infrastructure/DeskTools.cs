using ModelContextProtocol.Server;

namespace Trajeckt.Mcp.Tests.Infrastructure;

/// <summary>The [Tool] methods the MCP tools below run: every call of them in this project is intercepted by the generator.</summary>
public sealed class Mailer(ToolLog log)
{
    [Tool("send_email"), Sink(SinkKind.External)]
    public string SendEmail(string to)
    {
        log.Add("send_email");
        return "sent to " + to;
    }
}

/// <summary>MCP tools that are [Tool] methods themselves, or whose bodies call one.</summary>
[McpServerToolType]
public sealed class DeskTools(ToolLog log, Mailer mailer)
{
    /// <summary>Both an MCP tool and a Trajeckt tool: the SDK runs it by reflection, which nothing intercepts.</summary>
    [McpServerTool(Name = "read_customer"), Tool("read_customer"), SensitiveRead("customer-pii")]
    public string ReadCustomer(string id)
    {
        log.Add("read_customer");
        return $"customer {id}";
    }

    /// <summary>An MCP tool whose body calls the [Tool] method: that intercepted call is the call the filter decided.</summary>
    [McpServerTool(Name = "send_email")]
    public string SendEmail(string to) => mailer.SendEmail(to);

    /// <summary>An MCP tool named otherwise than the [Tool] it is: refused, since its effects would be the wrong tool's.</summary>
    [McpServerTool(Name = "lookup"), Tool("read_customer_by_mail"), SensitiveRead("customer-pii")]
    public string Lookup(string mail)
    {
        log.Add("read_customer_by_mail");
        return mail;
    }
}

/// <summary>An MCP tool that sends twice: only its first send is the call the filter decided; the second is decided on its own.</summary>
[McpServerToolType]
public sealed class DoubleSendTools(Mailer mailer)
{
    [McpServerTool(Name = "send_email")]
    public string SendEmail(string to) => mailer.SendEmail(to) + "; " + mailer.SendEmail(to);
}
