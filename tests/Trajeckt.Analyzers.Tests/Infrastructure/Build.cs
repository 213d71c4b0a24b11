using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Trajeckt.Analyzers.Mediation;
using Trajeckt.Generators;

namespace Trajeckt.Analyzers.Tests.Infrastructure;

/// <summary>
/// An in-memory build as the compiler runs one: the real Trajeckt generator (and any other generators)
/// over the sources, then the analyzers over the final compilation, then emit. References are the running
/// runtime's assemblies (offline) with Trajeckt and Microsoft.Extensions.AI.
/// </summary>
internal static class Build
{
    public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Preview)
        .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", "Trajeckt.Generated")]);

    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [new MediationAnalyzer(), new BypassAnalyzer(), new ReflectionAnalyzer()];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_references = new(() =>
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? throw new InvalidOperationException("no trusted platform assemblies"))
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return trusted
            .Append(typeof(ToolAttribute).Assembly.Location)
            .Append(typeof(Trajeckt.Traj.TrajCompiler).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.AI.AIFunctionFactory).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    /// <summary>Runs the generators and the analyzers over <paramref name="sources"/> (file name, text).</summary>
    public static BuildResult Run(IEnumerable<(string FileName, string Text)> sources, params IIncrementalGenerator[] otherGenerators)
    {
        var compilation = CSharpCompilation.Create(
            "Agent" + Guid.NewGuid().ToString("N"),
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, path: "/agent/" + s.FileName)),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var generators = new[] { new TrajecktGenerator() }.Concat(otherGenerators).Select(g => g.AsSourceGenerator());
        CSharpGeneratorDriver.Create(generators, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzerDiagnostics = output.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new BuildResult(output, generatorDiagnostics.AddRange(output.GetDiagnostics()).AddRange(analyzerDiagnostics));
    }

    public static BuildResult Run(string source, params IIncrementalGenerator[] otherGenerators) => Run([("App.cs", source)], otherGenerators);
}

/// <summary>The final compilation and every diagnostic of the build (generators, compiler, analyzers).</summary>
internal sealed class BuildResult(Compilation compilation, ImmutableArray<Diagnostic> diagnostics)
{
    public Compilation Compilation { get; } = compilation;

    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;

    public IReadOnlyList<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public IReadOnlyList<Diagnostic> WithId(string id) => Diagnostics.Where(d => d.Id == id).ToList();

    public string Describe() => string.Join(Environment.NewLine, Diagnostics);

    /// <summary>No error or warning at all.</summary>
    public BuildResult AssertClean()
    {
        var problems = Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "TRJ2005").ToList();
        Assert.True(problems.Count == 0, "expected a clean build:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        return this;
    }

    /// <summary>Exactly one diagnostic <paramref name="id"/>, an error, on the text <paramref name="at"/>.</summary>
    public Diagnostic AssertError(string id, string? at = null)
    {
        var found = WithId(id);
        Assert.True(found.Count >= 1, $"expected {id}; the build reported:{Environment.NewLine}{Describe()}");
        var diagnostic = at is null ? found[0] : found.FirstOrDefault(d => d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan).Contains(at, StringComparison.Ordinal) == true)
            ?? throw new Xunit.Sdk.XunitException($"expected {id} at '{at}'; the build reported:{Environment.NewLine}{Describe()}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        return diagnostic;
    }
}
