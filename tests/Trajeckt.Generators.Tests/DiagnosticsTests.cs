using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>Every diagnostic of the generator: when it is reported, when it is not, and exactly where.</summary>
public sealed class DiagnosticsTests
{
    private const string Tools = """
        using Trajeckt;

        namespace Agent;

        public static class Support
        {
            [Tool("read_ticket")]
            public static string ReadTicket(int id) => id.ToString();

            [Tool("send_email"), Sink(SinkKind.External)]
            public static void SendEmail(string to, string body) { }
        }
        """;

    [Fact]
    public void TRJ1001_APolicyToolWithoutAMethodIsReportedAtItsName()
    {
        const string policy = "trajectory Support {\n  tool ghost;\n  plan read_ticket ghost? send_email?;\n}\n";

        var run = GeneratorHarness.Run([("Tools.cs", Tools)], [("support.traj", policy)]);

        var diagnostic = Assert.Single(run.WithId("TRJ1001"));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'ghost'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "support.traj", policy, "ghost;");
    }

    [Fact]
    public void TRJ1001_IsNotReportedWhenEveryPolicyToolHasAMethod()
    {
        const string policy = "trajectory Support {\n  tool send_email : sink(external);\n  plan read_ticket send_email?;\n}\n";

        var run = GeneratorHarness.Run([("Tools.cs", Tools)], [("support.traj", policy)]).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void TRJ1002_AToolNoPlanAllowsIsReportedAtItsMethod()
    {
        var run = GeneratorHarness.Run([("Tools.cs", Tools)], [("support.traj", "trajectory Support { plan read_ticket+; }")]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("TRJ1002", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'send_email'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "Tools.cs", Tools, "SendEmail(string");
    }

    [Fact]
    public void TRJ1002_IsNotReportedWhenSomeTrajectoryAllowsTheTool()
    {
        const string policy = "trajectory A { plan read_ticket+; }\ntrajectory B { plan send_email; }\n";

        var run = GeneratorHarness.Run([("Tools.cs", Tools)], [("support.traj", policy)]).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
    }

    [Theory]
    [InlineData("[Tool(\"\")]", "'' is not a valid tool name")]
    [InlineData("[Tool(\"_\")]", "'_' is not a valid tool name")]
    [InlineData("[Tool(\"a\\nb\")]", "is not a valid tool name")]
    [InlineData("[Tool, SensitiveRead]", "names no label")]
    [InlineData("[Tool, SensitiveRead(\"pii\", \"\")]", "empty or multi-line label")]
    public void TRJ1003_AnInvalidToolDeclarationIsReportedAtItsMethod(string attributes, string message)
    {
        var tools = $$"""
            using Trajeckt;

            namespace Agent;

            public static class Broken
            {
                {{attributes}}
                public static string Read() => "";
            }
            """;

        var run = GeneratorHarness.Run([("Broken.cs", tools)]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("TRJ1003", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "Broken.cs", tools, "Read()");
        // An invalid tool is left out of the graph rather than declared with a guessed meaning.
        Assert.DoesNotContain("public static readonly global::Trajeckt.ToolId", run.Source("TrajecktGraphs.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void TRJ1003_IsNotReportedForValidDeclarations()
    {
        var run = GeneratorHarness.Run([("Tools.cs", Tools)]).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
    }

    [Theory]
    [InlineData("private static string Peek() => \"\";", "Peek()", "not accessible outside its type")]
    [InlineData("internal static T Echo<T>(T value) => value;", "Echo(value)", "type arguments cannot be named")]
    [InlineData("internal static ref int Slot() => ref s_slot;", "Slot()", "returns by reference")]
    [InlineData("internal static System.Threading.Tasks.Task Fill(ref int x) => System.Threading.Tasks.Task.CompletedTask;", "Fill(ref s_slot)", "awaitable and takes ref")]
    public void TRJ1004_ACallThatCannotBeGatedIsReportedAtTheCall(string tool, string call, string reason)
    {
        var source = $$"""
            using Trajeckt;

            namespace Agent;

            public static class Hidden
            {
                private static int s_slot;

                [Tool]
                {{tool}}

                internal static void Use<T>(T value)
                {
                    _ = {{call}};
                }
            }
            """;

        var run = GeneratorHarness.Run([("Hidden.cs", source)]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("TRJ1004", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "Hidden.cs", source, "_ = " + call, skip: "_ = ".Length);
        Assert.DoesNotContain(run.Sources.Keys, hint => hint.StartsWith("TrajecktInterceptors.", StringComparison.Ordinal));
    }

    [Fact]
    public void TRJ1004_ACallInAnExpressionTreeIsReportedAtTheCall()
    {
        const string source = """
            using System;
            using System.Linq.Expressions;
            using Trajeckt;

            namespace Agent;

            public static class Queries
            {
                [Tool]
                public static string Read() => "";

                public static Expression<Func<string>> Quoted() => () => Read();
            }
            """;

        var run = GeneratorHarness.Run([("Queries.cs", source)]);

        var diagnostic = Assert.Single(run.WithId("TRJ1004"));
        Assert.Contains("expression tree", diagnostic.GetMessage(), StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "Queries.cs", source, "Read();");
    }

    [Fact]
    public void TRJ1004_ACallOfALocalFunctionToolSaysToMakeItAMethod()
    {
        const string source = """
            using Trajeckt;

            namespace Agent;

            public static class Steps
            {
                public static string Run()
                {
                    return Read();

                    [Tool]
                    static string Read() => "";
                }
            }
            """;

        var run = GeneratorHarness.Run([("Steps.cs", source)]);

        var diagnostic = Assert.Single(run.WithId("TRJ1004"));
        Assert.Contains("it is a local function", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("internal or public", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void TRJ1004_IsNotReportedForAnInterceptableCall()
    {
        const string source = """
            using Trajeckt;

            namespace Agent;

            public static class Visible
            {
                [Tool]
                internal static string Peek() => "";

                internal static string Use() => Peek();
            }
            """;

        var run = GeneratorHarness.Run([("Visible.cs", source)]).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
        Assert.Contains("ToolSlot s_tool0 = new(\"Peek\", \"none\")", run.InterceptorsOf("Visible.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Other.Namespace")]
    [InlineData("")]
    [InlineData("Trajeckt.Generated.Inner,Trajeckt.Gen")]
    public void TRJ1005_InterceptorsNotEnabledForTheNamespaceIsReportedAndNothingIsIntercepted(string namespaces)
    {
        var run = GeneratorHarness.Run([("Tools.cs", Tools), ("Caller.cs", Caller)], globalOptions: Namespaces(namespaces));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("TRJ1005", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.DoesNotContain(run.Sources.Keys, hint => hint.StartsWith("TrajecktInterceptors.", StringComparison.Ordinal));
    }

    [Fact]
    public void TRJ1005_IsReportedOncePerProjectNotOncePerFile()
    {
        var run = GeneratorHarness.Run(
            [("Tools.cs", Tools), ("Caller.cs", Caller), ("Other.cs", Caller.Replace("class Caller", "class Other", StringComparison.Ordinal))],
            globalOptions: Namespaces("Other.Namespace"));

        Assert.Equal(["TRJ1005"], run.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void TRJ1005_IsNotReportedForAProjectWithoutToolCalls()
    {
        var run = GeneratorHarness.Run([("Tools.cs", Tools)], globalOptions: Namespaces("Other.Namespace")).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
    }

    [Theory]
    [InlineData("Trajeckt.Generated")]
    [InlineData("Other.Namespace,Trajeckt.Generated")]
    [InlineData(" Other.Namespace ; Trajeckt.Generated ")]
    [InlineData("Trajeckt")]
    public void TRJ1005_IsNotReportedWhenTheNamespaceIsListed(string namespaces)
    {
        var run = GeneratorHarness.Run([("Tools.cs", Tools), ("Caller.cs", Caller)], globalOptions: Namespaces(namespaces)).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
        Assert.Contains("ToolSlot s_tool0 = new(\"read_ticket\", \"none\")", run.InterceptorsOf("Caller.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void TRJ1005_IsNotReportedWhenTheSettingIsUnknown()
    {
        // Without the package's targets the property is absent: emit, and let the compiler say CS9137 if it must.
        var run = GeneratorHarness.Run([("Tools.cs", Tools), ("Caller.cs", Caller)]).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
        Assert.Contains("ToolSlot s_tool0 = new(\"read_ticket\", \"none\")", run.InterceptorsOf("Caller.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Trajeckt.Generated")]
    [InlineData("Other.Namespace;Trajeckt.Generated")]
    [InlineData("Other.Namespace")]
    [InlineData("Trajeckt")]
    [InlineData("Trajeckt.Gen")]
    [InlineData("Trajeckt.Generated.Inner")]
    public void TRJ1005_AgreesWithTheCompilerOnWhichNamespacesEnableTheInterceptors(string namespaces)
    {
        var options = GeneratorHarness.ParseOptionsAllowing(namespaces);
        var compilation = GeneratorHarness.Compile([("Tools.cs", Tools), ("Caller.cs", Caller)], options: options);

        // Without the MSBuild property the generator emits, so the compiler's own verdict can be seen.
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(options: options), compilation);
        var compilerAccepts = !run.Output.GetDiagnostics().Any(d => d.Id == "CS9137");
        var generatorAccepts = InterceptorsSetting.IsEnabled(new GlobalOptionsProvider(Namespaces(namespaces.Replace(';', ','))).GlobalOptions);

        Assert.Equal(compilerAccepts, generatorAccepts);
    }

    [Fact]
    public void TRJ1006_ADuplicateToolNameIsReportedAtTheSecondMethod()
    {
        const string source = """
            using Trajeckt;

            namespace Agent;

            public static class Alpha
            {
                [Tool("send")]
                public static void Send() { }
            }

            public static class Beta
            {
                [Tool("send")]
                public static void Mail() { }
            }
            """;

        var run = GeneratorHarness.Run([("Send.cs", source)]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("TRJ1006", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'send' is already used by Alpha.Send()", diagnostic.GetMessage(), StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "Send.cs", source, "Mail()");
    }

    [Fact]
    public void TRJ1006_IsNotReportedForDistinctNames()
    {
        var run = GeneratorHarness.Run([("Tools.cs", Tools)]).AssertCompilesCleanly();

        Assert.Empty(run.WithId("TRJ1006"));
    }

    [Fact]
    public void TRJ1007_ATrajectoryDefinedInTwoPoliciesIsReportedInTheLaterFile()
    {
        const string first = "trajectory Support { plan read_ticket send_email?; }\n";
        const string second = "// the same name again\ntrajectory Support { plan read_ticket+ send_email; }\n";

        var run = GeneratorHarness.Run([("Tools.cs", Tools)], [("b.traj", second), ("a.traj", first)]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("TRJ1007", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'Support'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "b.traj", second, "Support");
    }

    [Fact]
    public void TRJ1007_IsNotReportedForDistinctTrajectories()
    {
        var run = GeneratorHarness.Run([("Tools.cs", Tools)],
            [("a.traj", "trajectory Support { plan read_ticket send_email?; }"), ("b.traj", "trajectory Triage { plan read_ticket+ send_email; }")])
            .AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
        Assert.Contains("internal static partial class Triage", run.Source("TrajecktGraphs.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trajectory Support {\n  plan read_ticket nope;\n}\n", "nope;", "TRJ0101", DiagnosticSeverity.Error)]
    [InlineData("trajectory Support {\n  plan read_ticket send_email;\n  budget calls;\n}\n", ";\n}", "TRJ0020", DiagnosticSeverity.Error)]
    [InlineData("trajectory Support {\n  plan read_ticket send_email;\n  authorize read_ticket by TrustedUser;\n}\n", "read_ticket by", "TRJ0150", DiagnosticSeverity.Warning)]
    [InlineData("trajectory Support {\n  tool send_email : sink(control);\n  plan read_ticket send_email?;\n}\n", "send_email :", "TRJ0115", DiagnosticSeverity.Error)]
    public void APolicyDiagnosticOfTheTrajCompilerIsPassedThroughAtItsPositionInThePolicy(string policy, string marker, string code, DiagnosticSeverity severity)
    {
        var run = GeneratorHarness.Run([("Tools.cs", Tools)], [("support.traj", policy)]);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal((code, severity), (diagnostic.Id, diagnostic.Severity));
        Positions.AssertAt(diagnostic, "support.traj", policy, marker);
        // A policy with an error compiles to no graph: nothing that could be sealed and enforced half-checked.
        var hasGraph = run.Sources.TryGetValue("TrajecktGraphs.g.cs", out var graphs) && graphs.Contains("class Support", StringComparison.Ordinal);
        Assert.Equal(severity != DiagnosticSeverity.Error, hasGraph);
    }

    private const string Caller = """
        namespace Agent;

        public static class Caller
        {
            public static string Run() => Support.ReadTicket(1);
        }
        """;

    private static Dictionary<string, string> Namespaces(string value) =>
        new() { ["build_property.TrajecktInterceptorsNamespaces"] = value };
}
