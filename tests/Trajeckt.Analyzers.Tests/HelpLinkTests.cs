using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Trajeckt.Replay;

namespace Trajeckt.Analyzers.Tests;

/// <summary>
/// Every diagnostic ID of every part (Traj compiler, generator, analyzers, MSBuild targets, trace reader) has a help
/// link under the one root, the MSBuild property TrajecktHelpLinkRoot, that resolves to a page docs/diagnostics/ID.md.
/// The IDs are found by reflection and by reading the build files, so IDs added later are checked too.
/// </summary>
public sealed partial class HelpLinkTests
{
    private static readonly Assembly s_generators = Assembly.Load("Trajeckt.Generators");
    private static readonly Assembly s_analyzers = typeof(Descriptors).Assembly;

    private static string Repository => Metadata("RepositoryRoot");

    private static string Root => Metadata("TrajecktHelpLinkRoot");

    private static string Metadata(string key) => typeof(HelpLinkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;

    [GeneratedRegex(@"^(TRJ|TRC)\d{4}$")]
    private static partial Regex DiagnosticId();

    [Fact]
    public void The_root_the_components_were_built_with_is_the_MSBuild_property()
    {
        Assert.Matches(@"^https://\S+/docs/diagnostics/$", Root);
        Assert.Equal(HelpLinkRoot.Value, Root);
        Assert.Equal(Root, s_generators.GetType("Trajeckt.Generators.HelpLinkRoot", throwOnError: true)!.GetField("Value")!.GetRawConstantValue());
    }

    [Fact]
    public void Every_descriptor_of_the_generator_and_the_analyzers_links_to_its_page()
    {
        var descriptors = DescriptorsIn(s_generators).Concat(DescriptorsIn(s_analyzers)).Concat(SupportedByAnalyzers()).ToList();

        Assert.Contains(descriptors, d => d.Id.StartsWith("TRJ10", StringComparison.Ordinal));
        Assert.Contains(descriptors, d => d.Id.StartsWith("TRJ20", StringComparison.Ordinal));
        Assert.Empty(descriptors.Where(d => d.HelpLinkUri != Root + d.Id + ".md" || !PageExists(d.Id))
            .Select(d => $"{d.Id}: {d.HelpLinkUri}{(PageExists(d.Id) ? "" : " (no page)")}").Distinct());
    }

    [Fact]
    public void Every_Traj_compiler_code_is_reported_with_a_link_to_its_page()
    {
        var policyDiagnostic = s_generators.GetType("Trajeckt.Generators.DiagnosticDescriptors", throwOnError: true)!
            .GetMethod("PolicyDiagnostic", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        var codes = CodesIn(typeof(Traj.TrajCompiler).Assembly).ToList();

        Assert.Contains("TRJ0001", codes);
        Assert.Contains("TRJ0101", codes);
        Assert.Empty(codes
            .Select(code => (DiagnosticDescriptor)policyDiagnostic.Invoke(null, [code, true])!)
            .Where(d => d.HelpLinkUri != Root + d.Id + ".md" || !PageExists(d.Id))
            .Select(d => $"{d.Id}: {d.HelpLinkUri}{(PageExists(d.Id) ? "" : " (no page)")}"));
    }

    [Fact]
    public void Every_error_and_warning_of_the_build_files_links_to_its_page_under_the_root_property()
    {
        var reported = BuildFiles()
            .SelectMany(file => XDocument.Load(file).Descendants()
                .Where(e => e.Name.LocalName is "Error" or "Warning" && e.Attribute("Code") is not null)
                .Select(e => (File: Path.GetRelativePath(Repository, file), Code: e.Attribute("Code")!.Value, Link: e.Attribute("HelpLink")?.Value)))
            .ToList();

        Assert.Contains(reported, r => r.Code == "TRJ1101");
        Assert.Empty(reported
            .Where(r => r.Link != "$(TrajecktHelpLinkRoot)" + r.Code + ".md" || !PageExists(r.Code))
            .Select(r => $"{r.File}: {r.Code} links to '{r.Link}'{(PageExists(r.Code) ? "" : " (no page)")}"));
    }

    [Fact]
    public void Every_trace_error_code_of_replay_has_its_page() =>
        Assert.DoesNotContain(
            Enum.GetValues<TraceErrorCode>().Select(code => "TRC" + ((int)code).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)),
            id => !PageExists(id));

    [Fact]
    public void The_checks_find_a_missing_page_and_a_foreign_link()
    {
        Assert.False(PageExists("TRJ9999"));
        var foreign = new DiagnosticDescriptor("TRJ1001", "t", "m", "Trajeckt", DiagnosticSeverity.Warning, true, helpLinkUri: "https://example.org/TRJ1001.md");
        Assert.NotEqual(Root + foreign.Id + ".md", foreign.HelpLinkUri);
    }

    private static bool PageExists(string id) =>
        DiagnosticId().IsMatch(id) && File.Exists(Path.Combine(Repository, "docs", "diagnostics", id + ".md"));

    // Every static field or property of type DiagnosticDescriptor, whatever class holds it.
    private static IEnumerable<DiagnosticDescriptor> DescriptorsIn(Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.ContainsGenericParameters).SelectMany(type =>
            type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor?)f.GetValue(null))
                .Concat(type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .Where(p => p.PropertyType == typeof(DiagnosticDescriptor) && p.GetIndexParameters().Length == 0)
                    .Select(p => (DiagnosticDescriptor?)p.GetValue(null))))
            .OfType<DiagnosticDescriptor>();

    private static IEnumerable<DiagnosticDescriptor> SupportedByAnalyzers() =>
        s_analyzers.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);

    // The Traj compiler's codes: every string constant that spells a diagnostic ID.
    private static IEnumerable<string> CodesIn(Assembly assembly) =>
        assembly.GetTypes().SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(value => DiagnosticId().IsMatch(value) && value.StartsWith("TRJ0", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> BuildFiles() =>
        Directory.EnumerateFiles(Path.Combine(Repository, "src"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".targets" or ".props" or ".csproj")
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));
}
