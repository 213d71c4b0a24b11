using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// Every interceptor carries its tool's effects as the tool's declaration compiles them (also one of a referenced
/// library), so a session decides the call only as that very tool, never as another graph's tool of the same name.
/// </summary>
public sealed class ToolIdentityTests
{
    [Fact]
    public void ALibraryToolAndTheAppsToolOfTheSameNameCarryTheirOwnEffects()
    {
        var library = GeneratorHarness.Compile([("Library.cs", """
            using Trajeckt;
            namespace Lib;
            public static class Reports
            {
                [Tool("send_report"), Sink(SinkKind.External)]
                public static void Send(string text) { }
            }
            """)]);
        const string app = """
            using Trajeckt;
            namespace Agent;
            public static class Reports
            {
                [Tool("send_report")]
                public static void Send(string text) { }

                public static void Run()
                {
                    Send("mine");
                    Lib.Reports.Send("theirs");
                }
            }
            """;
        var compilation = GeneratorHarness.Compile([("Reports.cs", app)]).AddReferences(library.ToMetadataReference());

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation).AssertCompilesCleanly();

        var interceptors = run.InterceptorsOf("Reports.cs");
        Assert.Contains("new(\"send_report\", \"none\")", interceptors, StringComparison.Ordinal);
        Assert.Contains("new(\"send_report\", \"sink(external)\")", interceptors, StringComparison.Ordinal);
    }
}
