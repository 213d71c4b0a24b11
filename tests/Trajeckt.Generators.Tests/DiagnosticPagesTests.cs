using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Generators.Tests;

/// <summary>Every generator diagnostic links to its page under docs/diagnostics/, and the page is about that diagnostic.</summary>
public sealed class DiagnosticPagesTests
{
    private static readonly string s_repositoryRoot = typeof(DiagnosticPagesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static TheoryData<string> Ids => new(Descriptors().Select(d => d.Id));

    [Fact]
    public void TheGeneratorHasTheDiagnosticsOfIssues4And10AndTheSigningCheck()
    {
        Assert.Equal(
            ["TRJ1001", "TRJ1002", "TRJ1003", "TRJ1004", "TRJ1005", "TRJ1006", "TRJ1007", "TRJ1008", "TRJ1009", "TRJ1010", "TRJ1011", "TRJ1012", "TRJ1013", "TRJ1100", "TRJ1102"],
            Descriptors().Select(d => d.Id).Order());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void TheHelpLinkNamesThePageAndThePageDescribesTheDiagnostic(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var page = Path.Combine(s_repositoryRoot, "docs", "diagnostics", id + ".md");

        Assert.Equal(DiagnosticDescriptors.HelpLink(id), descriptor.HelpLinkUri);
        Assert.EndsWith("/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.True(File.Exists(page), $"{page} is missing");
        var lines = File.ReadAllLines(page);
        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        var severity = descriptor.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning";
        Assert.StartsWith($"**Severity:** {severity}.", lines.First(l => l.StartsWith("**Severity:**", StringComparison.Ordinal)), StringComparison.Ordinal);
        foreach (var section in new[] { "## What it means", "## Why it matters", "## How to fix it", "## Example" })
            Assert.Contains(section, lines);
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
}
