using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// The generated sources of representative projects, approved in Snapshots/. Each project also compiles
/// cleanly with its generated code, which proves that every interceptor matches the method it intercepts.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void CallShapes()
    {
        const string tools = """
            using System.Collections.Generic;
            using Trajeckt;

            namespace Agent;

            public static class Files
            {
                [Tool("read_file")]
                public static string Read(string path) => path;

                [Tool]
                public static void Log(string message) { }

                [Tool]
                public static bool TryParse(string text, out int value, ref int attempts)
                {
                    attempts++;
                    return int.TryParse(text, out value);
                }

                [Tool]
                public static T Echo<T>(T value) => value;

                [Tool]
                public static int Total(this List<string> items) => items.Count;
            }

            public sealed class Mailer
            {
                [Tool("send_email")]
                public void Send(string to, string body) { }
            }

            public struct Counter
            {
                public int Value;

                [Tool]
                public int Increment() => ++Value;
            }
            """;
        const string workflow = """
            using System.Collections.Generic;

            namespace Agent;

            public static class Workflow
            {
                public static int Run(Mailer mailer, List<string> items)
                {
                    var text = Files.Read("a.txt");
                    Files.Log(text);
                    var attempts = 0;
                    Files.TryParse(text, out var number, ref attempts);
                    var echoed = Files.Echo(42) + Files.Echo("x").Length + Files.Echo(7);
                    mailer.Send("a@example.com", text);
                    var counter = new Counter();
                    counter.Increment();
                    return number + echoed + items.Total() + counter.Value;
                }
            }
            """;
        var run = GeneratorHarness.Run([("Tools.cs", tools), ("Workflow.cs", workflow)]).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
        Snapshot.VerifyAll(run.Sources);
    }

    [Fact]
    public void AwaitableTools()
    {
        const string tools = """
            using System.Threading.Tasks;
            using Trajeckt;

            namespace Agent;

            public static class Web
            {
                [Tool]
                public static async Task Ping() => await Task.Yield();

                [Tool]
                public static Task<string> Fetch(string url) => Task.FromResult(url);

                [Tool]
                public static ValueTask Flush() => default;

                [Tool]
                public static ValueTask<int> Size(string url) => new(url.Length);
            }

            public static class Crawler
            {
                public static async Task<int> Run()
                {
                    await Web.Ping();
                    var page = await Web.Fetch("https://example.com");
                    await Web.Flush();
                    return await Web.Size(page);
                }
            }
            """;
        var run = GeneratorHarness.Run([("Web.cs", tools)]).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
        Snapshot.VerifyAll(run.Sources);
    }

    [Fact]
    public void EveryEffectInTheAutoCommitment()
    {
        const string tools = """
            using Trajeckt;

            namespace Agent;

            public static class Crm
            {
                [Tool("read_customer"), SensitiveRead("customer-pii", "billing")]
                public static string ReadCustomer(string id) => id;

                [Tool, Sink(SinkKind.External), NetworkEgress]
                public static void Upload([Origin(Trust.CleanWorkspace)] string payload) { }

                [Tool, Sink(SinkKind.Control), Origin(Trust.Memory)]
                public static void Remember(string note, [Origin(Trust.External)] string source, [Origin(Trust.TrustedUser)] string rule) { }

                [Tool, ShellExec, Origin(Trust.Untrusted)]
                public static string Run(string command) => command;
            }
            """;
        var run = GeneratorHarness.Run([("Crm.cs", tools)]).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
        Snapshot.VerifyAll(run.Sources);
    }

    [Fact]
    public void PolicyWithTwoTrajectories()
    {
        const string tools = """
            using Trajeckt;

            namespace Agent;

            internal static class Support
            {
                [Tool("read_ticket")]
                internal static string ReadTicket(int id) => id.ToString();

                [Tool("read_customer"), SensitiveRead("customer-pii")]
                internal static string ReadCustomer(string id) => id;

                [Tool("send_email"), Sink(SinkKind.External)]
                internal static void SendEmail(string to, string body) { }

                internal static void Answer(int ticket)
                {
                    var text = ReadTicket(ticket);
                    SendEmail(ReadCustomer(text), text);
                }
            }
            """;
        const string policy = """
            trajectory Support {
              plan read_ticket read_customer* send_email?;
              flow customer-pii -> send_email;
              floor CleanWorkspace for send_email;
            }

            trajectory "triage-only" {
              plan read_ticket+ (read_customer | send_email)?;
            }
            """;
        var run = GeneratorHarness.Run([("Support.cs", tools)], [("support.traj", policy)]).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
        Snapshot.VerifyAll(run.Sources);
    }

    [Fact]
    public void AIFunctionRegistration()
    {
        const string tools = """
            using System;
            using Microsoft.Extensions.AI;
            using Trajeckt;

            namespace Agent;

            public static class Crm
            {
                [Tool("lookup_customer")]
                public static string Lookup(string id) => id;

                public static AIFunction[] Functions() =>
                [
                    AIFunctionFactory.Create(Lookup),
                    AIFunctionFactory.Create(Lookup, "lookup", "Finds a customer."),
                    // A lambda names no tool: the analyzers report it, the generator leaves it alone.
                    AIFunctionFactory.Create((Func<string, string>)(id => id)),
                ];
            }
            """;
        var run = GeneratorHarness.Run([("Crm.cs", tools)], includeAI: true).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
        Snapshot.VerifyAll(run.Sources);
    }

    [Fact]
    public void GeneratedAIFunctions()
    {
        const string tools = """
            using System.Threading.Tasks;
            using Trajeckt;

            namespace Agent;

            public static class Crm
            {
                [Tool("lookup_customer"), SensitiveRead("customer-pii")]
                public static string Lookup(string id) => id;

                [Tool("lookup_order")]
                public static string Lookup(int orderId, bool withLines = false) => orderId.ToString();

                [Tool]
                public static T Echo<T>(T value) => value;

                [Tool("archive")]
                internal static void Archive(string id) { }
            }

            public sealed class Mailer
            {
                [Tool("send_email"), Sink(SinkKind.External)]
                public Task SendAsync(string to, string? body) => Task.CompletedTask;

                [Tool("bounce")]
                private void Bounce() { }
            }

            public interface INotes
            {
                [Tool("save_note"), Sink(SinkKind.Control)]
                void Save(string @event);
            }

            public struct Counter
            {
                [Tool]
                public int Increment() => 1;
            }
            """;
        const string policy = """
            trajectory Support {
              plan lookup_customer (lookup_order | send_email | save_note | Echo | bounce | Increment)*;
              authorize save_note by TrustedUser;
            }

            trajectory Archive {
              plan archive;
            }
            """;
        var run = GeneratorHarness.Run([("Tools.cs", tools)], [("support.traj", policy)], includeAI: true).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
        Snapshot.VerifyAll(run.Sources);
    }
}
