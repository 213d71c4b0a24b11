using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Trajeckt.Analyzers;
using Trajeckt.Analyzers.Mediation;
using Trajeckt.Analyzers.Order;
using Trajeckt.Benchmarks.Generators;
using Trajeckt.Generators;

namespace Trajeckt.Benchmarks.Analyzers;

/// <summary>
/// Issue 5's target: on a project of 1,000 tools and 10,000 call sites the analyzers add less than 2 s to
/// a build. The project is the generator benchmark's synthetic agent with the generator's output added (so
/// the order check has the compiled graph, as in a real build). Every run gets a fresh compilation, so a
/// run with analyzers pays binding again; the cost the analyzers add is the difference from
/// <see cref="CompilerDiagnosticsOnly"/>, an upper bound that includes the analyzer driver's own work and
/// the noise of a shared machine. The setup also prints the time spent inside each analyzer's actions,
/// as the compiler's <c>/reportanalyzer</c> reports it: what the analyzers themselves add to a build.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> s_all = [new BypassAnalyzer(), new ToolDeclarationAnalyzer(), new OrderAnalyzer(), new MediationAnalyzer(), new ReflectionAnalyzer()];

    private IReadOnlyList<SyntaxTree> _trees = [];
    private Compilation _compilation = null!;

    [Params(1_000)]
    public int Tools { get; set; }

    [Params(10_000)]
    public int CallSites { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var source = SyntheticAgent.Create(Tools, CallSites, callerFiles: 100);
        var driver = CSharpGeneratorDriver.Create([new TrajecktGenerator().AsSourceGenerator()], parseOptions: SyntheticAgent.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(SyntheticAgent.Compile(source), out var generated, out _);
        _trees = generated.SyntaxTrees.ToList();
        CheckTheAnalyzersDoTheirWork();
        ReportTimeInsideEachAnalyzer();
    }

    [IterationSetup]
    public void FreshCompilation() => _compilation = SyntheticAgent.Compile(_trees);

    /// <summary>The baseline: the compiler's own diagnostics (binding every method body).</summary>
    [Benchmark(Baseline = true)]
    public int CompilerDiagnosticsOnly() => _compilation.GetDiagnostics().Length;

    /// <summary>The compiler's diagnostics and all three analyzers, as a build with the analyzers runs them.</summary>
    [Benchmark]
    public int WithAllAnalyzers() => Run(s_all).Length;

    private ImmutableArray<Diagnostic> Run(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.WithAnalyzers(analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    private void ReportTimeInsideEachAnalyzer()
    {
        const int runs = 3;
        var totals = new TimeSpan[s_all.Length];
        for (var run = 0; run < runs; run++)
        {
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
            var withAnalyzers = SyntheticAgent.Compile(_trees).WithAnalyzers(s_all, options);
            _ = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            for (var i = 0; i < s_all.Length; i++)
                totals[i] += withAnalyzers.GetAnalyzerTelemetryInfoAsync(s_all[i], CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
        }
        for (var i = 0; i < s_all.Length; i++)
            Console.WriteLine($"// time inside {s_all[i].GetType().Name}: {totals[i].TotalMilliseconds / runs:F0} ms (mean of {runs} runs)");
    }

    // Figures of analyzers that silently did nothing would be worthless: the synthetic project reads labelled
    // data and calls external sinks in the auto-commitment (which has no flows), so the order check must find
    // refusals, and 700 tools without effects must be reported.
    private void CheckTheAnalyzersDoTheirWork()
    {
        var diagnostics = SyntheticAgent.Compile(_trees).WithAnalyzers(s_all).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        var errors = diagnostics.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error || d.Id == "AD0001"
            || d.Id is "TRJ2010" or "TRJ2011" or "TRJ2012" or "TRJ2013" or "TRJ2014").Take(3).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException("the synthetic project does not analyze cleanly: " + string.Join("; ", errors));
        var order = diagnostics.Count(d => d.Id is "TRJ2008" or "TRJ2009");
        var effects = diagnostics.Count(d => d.Id == "TRJ2005");
        if (order == 0 || effects != Tools * 7 / 10)
            throw new InvalidOperationException($"expected order refusals and {Tools * 7 / 10} TRJ2005, got {order} and {effects}");
        Console.WriteLine($"// analyzers report {order} order refusals and {effects} tools without effects");
    }
}
