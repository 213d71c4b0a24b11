using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Trajeckt.Analyzers.Tests.Infrastructure;

/// <summary>Runs an analyzer (and a code fix) over test programs with the Roslyn testing library, against .NET 10 and the Trajeckt runtime.</summary>
internal static class Verify
{
    // ReferenceAssemblies.Net.Net100 asks for a ref pack the offline feed this repository is built from does not serve.
    private static readonly ReferenceAssemblies s_net10 = new("net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"), Path.Combine("ref", "net10.0"));

    private static readonly MetadataReference[] s_references =
    [
        MetadataReference.CreateFromFile(typeof(ToolAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Trajeckt.Traj.TrajCompiler).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunctionFactory).Assembly.Location),
    ];

    public static Task Analyzer<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        Analyzer<TAnalyzer>(source, [], expected);

    public static async Task Analyzer<TAnalyzer>(string source, (string Path, string Text)[] additionalFiles, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = s_net10 };
        test.TestState.AdditionalReferences.AddRange(s_references);
        foreach (var file in additionalFiles)
            test.TestState.AdditionalFiles.Add(file);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>Runs the analyzer with the build set up by <paramref name="configure"/> (compilation options, analyzer config files, ...).</summary>
    public static async Task AnalyzerInBuild<TAnalyzer>(string source, Action<CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>> configure, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = s_net10 };
        test.TestState.AdditionalReferences.AddRange(s_references);
        configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>Runs the analyzer with an .editorconfig beside the source, as a project that configures severities has.</summary>
    public static async Task AnalyzerWithEditorConfig<TAnalyzer>(string source, string editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = s_net10 };
        test.TestState.AdditionalReferences.AddRange(s_references);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>Runs the analyzer with the project's own severity for <paramref name="id"/> (e.g. &lt;WarningsAsErrors&gt;).</summary>
    public static async Task AnalyzerWithSeverity<TAnalyzer>(string source, string id, ReportDiagnostic severity, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = s_net10 };
        test.TestState.AdditionalReferences.AddRange(s_references);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItem(id, severity)));
        });
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>Runs the analyzer over a console program: <paramref name="program"/> (top-level statements) beside <paramref name="library"/>.</summary>
    public static async Task AnalyzerOnConsoleProgram<TAnalyzer>(string program, string library, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = s_net10 };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("Program.cs", program));
        test.TestState.Sources.Add(("Library.cs", library));
        test.TestState.AdditionalReferences.AddRange(s_references);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>Runs the analyzer over code that does not compile, ignoring the compiler's errors: only the analyzer's diagnostics (and any AD0001 crash) count.</summary>
    public static async Task AnalyzerOnBrokenCode<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = s_net10, CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.AdditionalReferences.AddRange(s_references);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static async Task CodeFix<TAnalyzer, TCodeFix>(string source, string fixedSource, DiagnosticResult expected, int codeActionIndex = 0)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = s_net10,
            CodeActionIndex = codeActionIndex,
        };
        test.TestState.AdditionalReferences.AddRange(s_references);
        test.FixedState.AdditionalReferences.AddRange(s_references);
        test.ExpectedDiagnostics.Add(expected);
        await test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);
}
