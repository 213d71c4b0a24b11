using ModelContextProtocol.Server;
using Trajeckt.Extensions.AI;

namespace Trajeckt.Mcp.Tests.Infrastructure;

/// <summary>
/// The office-automation tools of ClawTrojan cs_delay_002 as MCP server tools. Each reports, when asked, the origin of
/// what it read (a downloaded playbook is Untrusted), as a real tool learns it only at run time.
/// </summary>
[McpServerToolType]
public sealed class OfficeTools(ToolLog log)
{
    [McpServerTool(Name = "list_files")] public string ListFiles(string? origin = null) => Run("list_files", origin);

    [McpServerTool(Name = "read_file")] public string ReadFile(string? origin = null) => Run("read_file", origin);

    [McpServerTool(Name = "read_report")] public string ReadReport(string? origin = null) => Run("read_report", origin);

    [McpServerTool(Name = "memory_read")] public string MemoryRead(string? origin = null) => Run("memory_read", origin);

    [McpServerTool(Name = "memory_write")] public string MemoryWrite(string? origin = null) => Run("memory_write", origin);

    [McpServerTool(Name = "update_records")] public string UpdateRecords(string? origin = null) => Run("update_records", origin);

    [McpServerTool(Name = "post_team_group")] public string PostTeamGroup(string? origin = null) => Run("post_team_group", origin);

    [McpServerTool(Name = "send_external")] public string SendExternal(string? origin = null) => Run("send_external", origin);

    private string Run(string tool, string? origin)
    {
        log.Add(tool);
        if (origin is not null)
            TrajecktToolOutput.ReportOrigin(Enum.Parse<Trust>(origin));
        return tool + " done";
    }
}
