using System.Text.RegularExpressions;
using Trajeckt.TestSupport;

namespace Trajeckt.Runtime.Tests;

/// <summary>
/// The repository reads on its own: no doc, comment or message sends a reader to the development workspace
/// beside it (<c>../shared</c>, its design notes); the normative text is docs/semantics.md.
/// </summary>
public sealed partial class DocsStandAloneTests
{
    // Only the vector tests may name the optional upstream copy, and semantics.md explains it.
    private static readonly string[] s_allowed =
    [
        "docs/semantics.md",
        "tests/Trajeckt.TestSupport/RepoPaths.cs",
        "tests/Trajeckt.Runtime.Tests/VectorFolderTests.cs",
        "tests/Trajeckt.Runtime.Tests/DocsStandAloneTests.cs",
    ];

    private static readonly string[] s_folders = ["src", "docs", "tests", "samples", "benchmarks", "examples"];
    private static readonly string[] s_extensions = [".cs", ".md", ".props", ".targets", ".csproj", ".json", ".traj", ".txt", ".ts", ".sh"];

    [GeneratedRegex(@"\.\./shared|\bDESIGN(\.md|'s|,|\s+section|\s+\d)")]
    private static partial Regex OutsideReference();

    [Fact]
    public void No_file_points_outside_the_repository_for_the_semantics()
    {
        var offenders = RepositoryTextFiles()
            .Where(path => !s_allowed.Contains(Relative(path)))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(x => OutsideReference().IsMatch(x.line))
            .Select(x => $"{Relative(x.path)}({x.number}): {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "point these at docs/semantics.md:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_finds_a_reference_to_the_workspace() =>
        Assert.All(
            ["see ../shared/vectors", "(DESIGN section 3)", "DESIGN 4.2", "../shared/DESIGN.md", "DESIGN's rule", "(DESIGN, issue 14)"],
            text => Assert.Matches(OutsideReference(), text));

    private static IEnumerable<string> RepositoryTextFiles()
    {
        var top = Directory.GetFiles(RepoPaths.Root).Where(f => s_extensions.Contains(Path.GetExtension(f)) || Path.GetFileName(f) == "README.md");
        var nested = s_folders
            .Select(folder => Path.Combine(RepoPaths.Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(f => s_extensions.Contains(Path.GetExtension(f)) && !IsBuildOutput(Relative(f)));
        return top.Concat(nested);
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split('/').Any(part => part is "bin" or "obj" or "node_modules" or "BenchmarkDotNet.Artifacts");

    private static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
}
