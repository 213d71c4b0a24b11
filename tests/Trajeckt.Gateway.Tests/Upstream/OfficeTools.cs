using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Trajeckt.Gateway.Tests.Upstream;

/// <summary>
/// The tools of ClawTrojan cs_delay_002. Each takes an optional <c>origin</c>: the upstream reports it as
/// the trust of its output (<c>_meta</c> "trajeckt.dev/origin"), as a file server reports a downloaded file.
/// </summary>
[McpServerToolType]
public sealed class OfficeTools
{
    [McpServerTool(Name = "list_files")] public static CallToolResult ListFiles(string? origin = null) => Result("a.txt b.txt", origin);

    [McpServerTool(Name = "read_file")] public static CallToolResult ReadFile(string? origin = null) => Result("file content", origin);

    [McpServerTool(Name = "read_report")] public static CallToolResult ReadReport(string? origin = null) => Result("weekly digest", origin);

    [McpServerTool(Name = "memory_read")] public static CallToolResult MemoryRead(string? origin = null) => Result("remembered defaults", origin);

    [McpServerTool(Name = "memory_write")] public static CallToolResult MemoryWrite(string? origin = null) => Result("stored", origin);

    [McpServerTool(Name = "update_records")] public static CallToolResult UpdateRecords(string? origin = null) => Result("updated", origin);

    [McpServerTool(Name = "post_team_group")] public static CallToolResult PostTeamGroup(string? origin = null) => Result("posted", origin);

    [McpServerTool(Name = "send_external")] public static CallToolResult SendExternal(string? origin = null) => Result("sent", origin);

    private static CallToolResult Result(string text, string? origin) => new()
    {
        Content = new List<ContentBlock> { new TextContentBlock { Text = text } },
        Meta = origin is null ? null : new JsonObject { ["trajeckt.dev/origin"] = origin },
    };
}
