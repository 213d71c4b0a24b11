using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// Call shapes beyond the snapshots: each must either be intercepted by code that compiles with the user's
/// code, or be reported; a tool call that silently escapes the gate is the failure this guards against.
/// </summary>
public sealed class InterceptedShapesTests
{
    public static TheoryData<string, string, string> Shapes => new()
    {
        {
            "readonly struct member",
            "public readonly struct Meter { [Tool] public int Read() => 1; }",
            "_ = new Meter().Read()"
        },
        {
            "readonly method of a mutable struct",
            "public struct Gauge { public int Value; [Tool] public readonly int Peek() => Value; }",
            "_ = new Gauge().Peek()"
        },
        {
            "in, params and keyword-named parameters",
            "public static class Shapes { [Tool] public static int Sum(in int @class, params int[] @event) => @class + @event.Length; }",
            "_ = Shapes.Sum(1, 2, 3)"
        },
        {
            "method of a generic type",
            "public static class Box<T> { [Tool] public static T? Get() => default; }",
            "_ = Box<int>.Get()"
        },
        {
            "nested type",
            "public static class Outer { public static class Inner { [Tool] public static int Deep() => 1; } }",
            "_ = Outer.Inner.Deep()"
        },
        {
            "override of a [Tool] method",
            "public class Base { [Tool] public virtual int Work() => 1; } public sealed class Derived : Base { [Tool] public override int Work() => 2; }",
            "_ = new Derived().Work()"
        },
        {
            "null-conditional call",
            "public sealed class Client { [Tool] public int Ping() => 1; }",
            "_ = (new Client())?.Ping() ?? 0"
        },
        {
            "generic extension method",
            "public static class Lists { [Tool] public static int Size<T>(this System.Collections.Generic.List<T> items) => items.Count; }",
            "_ = new System.Collections.Generic.List<int>().Size()"
        },
        {
            "ref extension method of a struct",
            "public struct Tally { public int Value; } public static class Tallies { public static Tally Shared; [Tool] public static int Bump(this ref Tally tally) => ++tally.Value; }",
            "_ = Tallies.Shared.Bump()"
        },
        {
            "named arguments out of order and an omitted optional argument",
            "public static class Mail { [Tool] public static int Send(string to, string body, int retries = 3) => retries; }",
            "_ = Mail.Send(body: \"b\", to: \"a\")"
        },
        {
            "implementation of a [Tool] interface method, called on the class",
            "public interface IMailer { [Tool] void Send(string to); } public sealed class Mailer : IMailer { [Tool] public void Send(string to) { } }",
            "new Mailer().Send(\"a\")"
        },
        {
            "[Tool] interface method, called on the interface",
            "public interface IMailer { [Tool] void Send(string to); } public sealed class Mailer : IMailer { [Tool] public void Send(string to) { } }",
            "((IMailer)new Mailer()).Send(\"a\")"
        },
        {
            "ref readonly parameter",
            "public static class Slots { public static int Value; [Tool] public static int Peek(ref readonly int x) => x; }",
            "_ = Slots.Peek(in Slots.Value)"
        },
        {
            "span parameters and params span",
            "public static class Spans { [Tool] public static int Length(System.ReadOnlySpan<char> text, params System.ReadOnlySpan<int> more) => text.Length + more.Length; }",
            "_ = Spans.Length(\"abc\", 1, 2)"
        },
        {
            "nullable reference types",
            "public static class Text { [Tool] public static string? Find(string? key, System.Collections.Generic.List<string?> values) => key; }",
            "_ = Text.Find(null, new()) is null ? 0 : 1"
        },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AToolCallIsInterceptedByCodeThatCompiles(string shape, string tool, string call)
    {
        var tools = $"using Trajeckt;\nnamespace Agent;\n{tool}\n";
        var caller = $"namespace Agent;\npublic static class Caller\n{{\n    public static void Run()\n    {{\n        {call};\n    }}\n}}\n";

        var run = GeneratorHarness.Run([("Tools.cs", tools), ("Caller.cs", caller)]);

        run.AssertCompilesCleanly();
        Assert.True(run.Diagnostics.IsEmpty, shape + ": " + string.Join("\n", run.Diagnostics));
        Assert.Contains("ToolGate.Begin(", run.InterceptorsOf("Caller.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void ABaseCallOfAToolIsNotTurnedIntoAVirtualCall()
    {
        // An interceptor calls through its receiver parameter, which dispatches virtually: intercepting
        // base.Work() inside the override would call the override again, for ever.
        const string source = """
            using Trajeckt;

            namespace Agent;

            public class Base
            {
                [Tool]
                public virtual int Work() => 1;
            }

            public sealed class Derived : Base
            {
                [Tool]
                public override int Work() => base.Work() + 1;
            }
            """;

        var run = GeneratorHarness.Run([("Derived.cs", source)]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("TRJ1004", diagnostic.Id);
        Assert.Contains("base call", diagnostic.GetMessage(), StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "Derived.cs", source, "base.Work()");
    }

    [Fact]
    public void AToolInAFileLocalTypeIsReportedNotIntercepted()
    {
        const string source = """
            using Trajeckt;

            namespace Agent;

            file static class Hidden
            {
                [Tool]
                public static int Peek() => 1;
            }

            public static class Caller
            {
                public static int Run() => Hidden.Peek();
            }
            """;

        var run = GeneratorHarness.Run([("Hidden.cs", source)]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("TRJ1004", diagnostic.Id);
        Assert.Contains("file-local type", diagnostic.GetMessage(), StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "Hidden.cs", source, "Hidden.Peek()");
    }

    [Fact]
    public void TwoSourceFilesOfTheSameNameGetTheirOwnInterceptors()
    {
        const string tools = "using Trajeckt;\nnamespace Agent;\npublic static class Tools { [Tool] public static int Ping() => 1; }\n";
        var compilation = GeneratorHarness.Compile([("Tools.cs", tools)]).AddSyntaxTrees(
            GeneratorHarness.Parse("a/Caller.cs", "namespace Agent.A;\npublic static class Caller { public static int Run() => Agent.Tools.Ping(); }\n"),
            GeneratorHarness.Parse("b/Caller.cs", "namespace Agent.B;\npublic static class Caller { public static int Run() => Agent.Tools.Ping(); }\n"));

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation).AssertCompilesCleanly();

        Assert.Equal(2, run.Sources.Keys.Count(hint => hint.StartsWith("TrajecktInterceptors.Caller.", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Tools")]
    [InlineData("Name")]
    [InlineData("Digest")]
    [InlineData("Encoding")]
    [InlineData("BeginSession")]
    [InlineData("TrajecktGraphs")]
    [InlineData("CreateAIFunctions")]
    public void ATrajectoryMayHaveTheNameOfAGeneratedMember(string trajectory)
    {
        // Its class then gets a suffix: a nested class named like one of its members does not compile (CS0542).
        const string tools = "using Trajeckt;\nnamespace Agent;\npublic static class Tools { [Tool] public static int Ping() => 1; }\n";

        var run = GeneratorHarness.Run([("Tools.cs", tools)], [("policy.traj", $"trajectory {trajectory} {{ plan Ping*; }}")], includeAI: true);

        run.AssertCompilesCleanly();
        var graphs = run.Source("TrajecktGraphs.g.cs");
        Assert.Contains($"internal static partial class {trajectory}_2\n", graphs, StringComparison.Ordinal);
        Assert.Contains($"public const string Name = \"{trajectory}\";", graphs, StringComparison.Ordinal);
    }

    [Fact]
    public void AToolMayBeNamedTools()
    {
        const string tools = "using Trajeckt;\nnamespace Agent;\npublic static class Registry { [Tool] public static int Tools() => 1; }\n";

        var run = GeneratorHarness.Run([("Registry.cs", tools)]);

        run.AssertCompilesCleanly();
        Assert.Contains("public static readonly global::Trajeckt.ToolId Tools_2 = new(0, \"Tools\");", run.Source("TrajecktGraphs.g.cs"), StringComparison.Ordinal);
    }
}
