using System.Collections.Immutable;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Trajeckt.Analyzers.Order;
using Trajeckt.Analyzers.Tests.Infrastructure;
using Trajeckt.Traj;
using Trajeckt.Traj.Semantics;

namespace Trajeckt.Analyzers.Tests;

/// <summary>
/// On straight-line code after <c>BeginSession</c>, the order check reports exactly the call that a session
/// refuses first (as <see cref="StaticStepper"/> decides it, which agrees with the runtime session: see
/// tests/Trajeckt.Runtime.Tests/StaticStepperAgreementTests.cs), and nothing after it.
/// </summary>
public sealed class OrderCheckPropertyTests
{
    private static readonly string[] s_tools = ["read_ticket", "read_customer", "read_secret", "fetch_url", "save_memory", "send_email"];
    private static readonly string[] s_methods = ["ReadTicket", "ReadCustomer", "ReadSecret", "FetchUrl", "SaveMemory", "SendEmail"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(ToolAttribute).Assembly.Location)
            .Append(typeof(TrajCompiler).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    [Fact]
    public void On_straight_line_code_the_first_refused_call_and_only_it_is_an_error() =>
        Gen.Int[0, s_tools.Length - 1].Array[1, 6].Sample(calls =>
        {
            var graph = TrajCompiler.Compile(OrderPrograms.Support, "support.traj").Trajectories[0].Graph;
            int? refused = null;
            var state = StaticSessionState.Initial;
            for (var i = 0; i < calls.Length && refused is null; i++)
            {
                Assert.True(graph.TryGetToolIndex(s_tools[calls[i]], out var tool));
                var step = StaticStepper.Step(graph, state, tool);
                if (step.IsAllowed)
                    state = step.Next!;
                else
                    refused = i;
            }

            var body = "public static class App\n{\n    public static void Run()\n    {\n        TrajecktGraphs.Support.BeginSession();\n"
                + string.Concat(calls.Select((c, i) => $"        Tools.{s_methods[c]}(); // call {i}\n"))
                + "    }\n}\n";
            var diagnostics = Analyze(OrderPrograms.With(body, OrderPrograms.Support));

            if (refused is not { } index)
            {
                Assert.Empty(diagnostics);
                return;
            }
            var only = Assert.Single(diagnostics);
            Assert.Equal("TRJ2008", only.Id);
            var line = only.Location.SourceTree!.GetText().Lines[only.Location.GetLineSpan().StartLinePosition.Line].ToString();
            Assert.EndsWith($"// call {index}", line);
        }, iter: 40);

    private static ImmutableArray<Diagnostic> Analyze(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Agent", [tree], s_references.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation.WithAnalyzers([new OrderAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
