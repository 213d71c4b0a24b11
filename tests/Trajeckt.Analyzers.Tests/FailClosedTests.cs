using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Trajeckt.Analyzers.Mediation;

namespace Trajeckt.Analyzers.Tests;

/// <summary>
/// The checks the guarantee rests on (mediation, bypass, reflection) may not pass a build they could not
/// finish: an exception inside one is TRJ2012 at the code it was analyzing, never silence.
/// </summary>
public sealed class FailClosedTests
{
    private static readonly CSharpCompilation s_compilation = CSharpCompilation.Create("App",
        [CSharpSyntaxTree.ParseText("class App { static int Run() => Run(); }")],
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);

    [Fact]
    public async Task An_exception_in_a_check_is_TRJ2012_at_the_code_it_was_analyzing_not_AD0001_or_silence()
    {
        var diagnostics = await s_compilation
            .WithAnalyzers([new ThrowingCheck(new InvalidOperationException("unexpected shape"))])
            .GetAnalyzerDiagnosticsAsync();

        var tree = s_compilation.SyntaxTrees[0];
        var call = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>().Single();
        Assert.All(diagnostics, d => Assert.Equal("TRJ2012", d.Id));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.All(diagnostics, d => Assert.Contains("InvalidOperationException: unexpected shape", d.GetMessage(), StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Location.SourceSpan == call.Span);
        var method = s_compilation.GetTypeByMetadataName("App")!.GetMembers("Run").Single();
        Assert.Contains(diagnostics, d => d.Location == method.Locations[0]);
    }

    [Fact]
    public async Task Cancellation_is_not_reported_as_a_failed_check()
    {
        var diagnostics = await s_compilation
            .WithAnalyzers([new ThrowingCheck(new OperationCanceledException())])
            .GetAnalyzerDiagnosticsAsync();

        Assert.DoesNotContain(diagnostics, d => d.Id == "TRJ2012");
    }

    // The interception check decides at compilation end and reads gates in operation-block actions: an exception in
    // either fails the build too (at the end there is no one place to point at, so the error has no location).
    [Fact]
    public async Task An_exception_in_a_block_or_compilation_end_check_is_TRJ2012()
    {
        var diagnostics = await s_compilation
            .WithAnalyzers([new ThrowingLaterCheck(new InvalidOperationException("unexpected shape"))])
            .GetAnalyzerDiagnosticsAsync();

        var method = s_compilation.GetTypeByMetadataName("App")!.GetMembers("Run").Single();
        Assert.All(diagnostics, d => Assert.Equal("TRJ2012", d.Id));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Contains(diagnostics, d => d.Location == method.Locations[0]);
        Assert.Contains(diagnostics, d => d.Location == Location.None);
    }

    [Theory]
    [InlineData(typeof(MediationAnalyzer))]
    [InlineData(typeof(ReflectionAnalyzer))]
    [InlineData(typeof(BypassAnalyzer))]
    public void Every_check_the_guarantee_rests_on_can_report_TRJ2012(Type analyzer)
    {
        var instance = (DiagnosticAnalyzer)Activator.CreateInstance(analyzer)!;
        Assert.Contains(instance.SupportedDiagnostics, d => d.Id == "TRJ2012");
    }

    /// <summary>A check that always throws, run through <see cref="FailClosed"/> as the real checks are (added to a compilation directly, not loaded as a compiler extension).</summary>
#pragma warning disable RS1001 // added to a compilation by the test, never loaded by a compiler
    private sealed class ThrowingCheck(Exception exception) : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.MediationNotChecked];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(c => FailClosed.Run(c, () => throw exception), OperationKind.Invocation);
            context.RegisterSymbolAction(c => FailClosed.Run(c, () => throw exception), SymbolKind.Method);
        }
    }

    private sealed class ThrowingLaterCheck(Exception exception) : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.MediationNotChecked];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationBlockAction(c => FailClosed.Run(c, () => throw exception));
                start.RegisterCompilationEndAction(c => FailClosed.Run(c, () => throw exception));
            });
        }
    }
#pragma warning restore RS1001
}
