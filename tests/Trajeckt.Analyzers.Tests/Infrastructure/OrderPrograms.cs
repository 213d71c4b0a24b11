using Trajeckt.Traj;

namespace Trajeckt.Analyzers.Tests.Infrastructure;

/// <summary>
/// Test programs for the order checks: the tools, and the graphs compiled into the assembly as the generator
/// would emit them (<c>[assembly: TrajecktGraph]</c> and <c>TrajecktGraphs.X.BeginSession()</c>).
/// </summary>
internal static class OrderPrograms
{
    public const string Support = """
        trajectory Support {
          tool read_ticket;
          tool read_customer : sensitive(customer-pii);
          tool read_secret   : sensitive(secret);
          tool fetch_url     : origin(Untrusted), egress;
          tool save_memory   : sink(control);
          tool send_email    : sink(external);

          plan read_ticket (read_customer | read_secret | fetch_url)* (send_email | save_memory)?;
          flow customer-pii -> send_email;
        }
        """;

    /// <summary>Every tool in any order, and no flows: only the flow check can refuse.</summary>
    public const string Anything = """
        trajectory Anything {
          tool read_ticket;
          tool read_customer : sensitive(customer-pii);
          tool read_secret   : sensitive(secret);
          tool fetch_url     : origin(Untrusted), egress;
          tool save_memory   : sink(control);
          tool send_email    : sink(external);
          flow secret -> send_email;
          flow customer-pii -> send_email;
        }
        """;

    private const string Tools = """
        public static class Tools
        {
            [Trajeckt.Tool("read_ticket")] public static void ReadTicket() { }
            [Trajeckt.Tool("read_customer")] public static string ReadCustomer() => "";
            [Trajeckt.Tool("read_secret")] public static string ReadSecret() => "";
            [Trajeckt.Tool("fetch_url")] public static string FetchUrl() => "";
            [Trajeckt.Tool("save_memory")] public static void SaveMemory() { }
            [Trajeckt.Tool("send_email")] public static void SendEmail() { }
        }
        """;

    /// <summary>A program with <paramref name="body"/> and the graphs of <paramref name="policies"/> compiled in.</summary>
    public static string With(string body, params string[] policies)
    {
        var attributes = new List<string>();
        var classes = new List<string>();
        foreach (var policy in policies)
        {
            var compilation = TrajCompiler.Compile(policy, "policy.traj");
            Assert.True(compilation.Success, string.Join(Environment.NewLine, compilation.Diagnostics));
            foreach (var trajectory in compilation.Trajectories)
            {
                attributes.Add($"[assembly: Trajeckt.Interception.TrajecktGraph(\"{trajectory.Name}\", \"{Convert.ToBase64String(trajectory.Encoding)}\")]");
                classes.Add($$"""
                        internal static class {{trajectory.Name}}
                        {
                            public const string Name = "{{trajectory.Name}}";
                            public static Trajeckt.TrajecktSession BeginSession() => null!;
                        }
                    """);
            }
        }
        return string.Join(Environment.NewLine, attributes) + Environment.NewLine + Environment.NewLine
            + "internal static partial class TrajecktGraphs" + Environment.NewLine + "{" + Environment.NewLine
            + string.Join(Environment.NewLine, classes) + Environment.NewLine + "}" + Environment.NewLine + Environment.NewLine
            + Tools + Environment.NewLine + Environment.NewLine + body;
    }
}
