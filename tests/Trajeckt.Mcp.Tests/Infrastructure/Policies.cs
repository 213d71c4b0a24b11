namespace Trajeckt.Mcp.Tests.Infrastructure;

/// <summary>The policies the MCP servers and clients of these tests enforce.</summary>
internal static class Policies
{
    /// <summary>The smoke test's tools; no plan, so only effects decide.</summary>
    public const string Support = """
        trajectory McpSupport {
          tool read_customer : sensitive(customer-pii);
          tool send_email    : sink(external);
          tool fetch_url     : origin(Untrusted), egress;
          tool memory_write  : sink(control);
        }
        """;

    /// <summary>One read, then at most one send: a call counted twice breaks it. The project's own .traj, so that intercepted calls are this policy's tools.</summary>
    public static string ReadThenSend => File.ReadAllText(Path.Combine(Trajeckt.TestSupport.RepoPaths.Root, "tests", "Trajeckt.Mcp.Tests", "readthensend.traj"));

}
