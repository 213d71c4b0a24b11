using Trajeckt.Analyzers.Order;
using Trajeckt.Analyzers.Tests.Infrastructure;

namespace Trajeckt.Analyzers.Tests;

/// <summary>The analyzers run in the IDE on half-typed code: they must never crash there (no AD0001).</summary>
public sealed class RobustnessTests
{
    // Unfinished calls, a missing type, a method group of an unknown method, a [Tool] on a broken method,
    // and a graph attribute whose encoding is not a graph.
    private const string Broken = """
        [assembly: Trajeckt.Interception.TrajecktGraph("Broken", "AAAA")]

        public static class Tools
        {
            [Trajeckt.Tool("read")] public static string Read(string id) => id;
            [Trajeckt.Tool] public static Missing Lost(
        }

        public static class App
        {
            public static void Run(dynamic d)
            {
                Tools.Read(
                System.Func<string, string> f = Tools.Nope;
                Microsoft.Extensions.AI.AIFunctionFactory.Create(x => Tools.Read(x;
                typeof(Tools).GetMethod("Read").Invoke(
                while (true) { try { Tools.Read("1"); } finally { Tools.
            }
        }
        """;

    [Fact]
    public Task The_bypass_analyzer_does_not_crash_on_broken_code() => Verify.AnalyzerOnBrokenCode<BypassAnalyzer>(Broken);

    [Fact]
    public Task The_declaration_analyzer_does_not_crash_on_broken_code() =>
        Verify.AnalyzerOnBrokenCode<ToolDeclarationAnalyzer>(Broken,
            Verify.Diagnostic(Descriptors.ToolWithoutEffects).WithSpan(5, 50, 5, 54).WithArguments("read"),
            Verify.Diagnostic(Descriptors.ToolWithoutEffects).WithSpan(6, 43, 6, 47).WithArguments("Lost"));

    [Fact]
    public Task The_order_analyzer_does_not_crash_on_broken_code_or_a_graph_that_does_not_decode() => Verify.AnalyzerOnBrokenCode<OrderAnalyzer>(Broken);
}
