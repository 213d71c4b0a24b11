using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Trajeckt.Generators.Tests.Infrastructure;

/// <summary>Builds a compilation of user code, runs the Trajeckt generator over it with step tracking, and compiles the result.</summary>
internal static class GeneratorHarness
{
    /// <summary>The path prefix of test sources and policies: fixed, so hint names and locations are stable.</summary>
    public const string Root = "/agent/";

    public const string AssemblyName = "Agent";

    public static readonly CSharpParseOptions ParseOptions = ParseOptionsAllowing("Trajeckt.Generated");

    /// <summary>Parse options with the compiler's InterceptorsNamespaces feature set to <paramref name="interceptorsNamespaces"/>.</summary>
    public static CSharpParseOptions ParseOptionsAllowing(string interceptorsNamespaces) =>
        new CSharpParseOptions(LanguageVersion.Preview)
            .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", interceptorsNamespaces)]);

    public static SyntaxTree Parse(string fileName, string text, CSharpParseOptions? options = null) =>
        CSharpSyntaxTree.ParseText(text, options ?? ParseOptions, path: Root + fileName);

    public static CSharpCompilation Compile(IEnumerable<(string FileName, string Text)> sources, bool includeAI = false, CSharpParseOptions? options = null) =>
        CSharpCompilation.Create(
            AssemblyName,
            sources.Select(s => Parse(s.FileName, s.Text, options)),
            CompilationReferences.Get(includeAI),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static AdditionalText Policy(string fileName, string text) => new InMemoryAdditionalText(Root + fileName, text);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? policies = null, IReadOnlyDictionary<string, string>? globalOptions = null, CSharpParseOptions? options = null) =>
        CSharpGeneratorDriver.Create(
            [new TrajecktGenerator().AsSourceGenerator()],
            policies ?? [],
            options ?? ParseOptions,
            new GlobalOptionsProvider(globalOptions ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once over fresh sources and policies.</summary>
    public static GeneratorRun Run(
        IEnumerable<(string FileName, string Text)> sources,
        IEnumerable<(string FileName, string Text)>? policies = null,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        bool includeAI = false) =>
        Run(CreateDriver(policies?.Select(p => Policy(p.FileName, p.Text)), globalOptions), Compile(sources, includeAI));

    /// <summary>Runs <paramref name="driver"/> (possibly holding an earlier run's state) over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }
}

/// <summary>One generator run: what it generated and reported, and the compilation of user code with the generated code.</summary>
internal sealed class GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> diagnostics)
{
    public GeneratorDriver Driver { get; } = driver;

    public Compilation Input { get; } = input;

    public Compilation Output { get; } = output;

    /// <summary>What the generator reported.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;

    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>Generated sources by hint name, in hint name order.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    public string Source(string hintName) =>
        Sources.TryGetValue(hintName, out var text) ? text : throw new Xunit.Sdk.XunitException($"no generated source '{hintName}'; generated: {string.Join(", ", Sources.Keys)}");

    /// <summary>The one generated interceptor file of a user source file.</summary>
    public string InterceptorsOf(string fileName)
    {
        var prefix = "TrajecktInterceptors." + Path.GetFileNameWithoutExtension(fileName) + ".";
        var matches = Sources.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"expected one interceptor file for {fileName}; generated: {string.Join(", ", Sources.Keys)}");
        return matches[0].Value;
    }

    public IEnumerable<Diagnostic> WithId(string id) => Diagnostics.Where(d => d.Id == id);

    /// <summary>The generator threw nothing, and user code compiles with the generated code without an error or warning.</summary>
    public GeneratorRun AssertCompilesCleanly()
    {
        Assert.Null(Result.Exception);
        var problems = Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "the output compilation has problems:\n" + string.Join("\n", problems));
        return this;
    }
}
