using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Analyzers.Tests;

/// <summary>Every analyzer diagnostic links to its page under docs/diagnostics/, and the page is about that diagnostic.</summary>
public sealed class DiagnosticPagesTests
{
    private static readonly string s_repositoryRoot = typeof(DiagnosticPagesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static TheoryData<string> Ids => new(Descriptors().Select(d => d.Id));

    [Fact]
    public void The_analyzers_report_TRJ2001_to_TRJ2014_and_TRJ2030_and_each_is_supported_by_an_analyzer()
    {
        Assert.Equal(Enumerable.Range(1, 14).Append(30).Select(i => $"TRJ20{i:00}"), Descriptors().Select(d => d.Id).Order());
        var supported = new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new BypassAnalyzer(), new ToolDeclarationAnalyzer(), new Order.OrderAnalyzer(), new Mediation.MediationAnalyzer(), new Mediation.ReflectionAnalyzer(), new Rollout.ShadowInReleaseAnalyzer() }
            .SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order();
        Assert.Equal(Descriptors().Select(d => d.Id).Order(), supported);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_help_link_names_the_page_and_the_page_describes_the_diagnostic(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var page = Path.Combine(s_repositoryRoot, "docs", "diagnostics", id + ".md");

        Assert.Equal("Trajeckt", descriptor.Category);
        Assert.Equal(HelpLinkRoot.Value + id + ".md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(page), $"{page} is missing");
        var lines = File.ReadAllLines(page);
        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        var severity = descriptor.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning";
        Assert.StartsWith($"**Severity:** {severity}.", lines.First(l => l.StartsWith("**Severity:**", StringComparison.Ordinal)), StringComparison.Ordinal);
        foreach (var section in new[] { "## What it means", "## Why it matters", "## How to fix it", "## Example" })
            Assert.Contains(section, lines);
        Assert.Contains(lines, l => l.StartsWith($"{severity} {id}: ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_release_tracking_file_lists_every_diagnostic_with_its_severity()
    {
        var unshipped = File.ReadAllText(Path.Combine(s_repositoryRoot, "src", "Trajeckt.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Descriptors())
            Assert.Contains($"{descriptor.Id} | Trajeckt | {descriptor.DefaultSeverity} | {descriptor.Title}", unshipped);
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
}
