namespace Trajeckt.TestSupport;

/// <summary>Finds the repository root and the conformance vectors from a test's output folder.</summary>
public static class RepoPaths
{
    private const string ConformanceFolderName = "conformance";

    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder that holds Trajeckt.sln.</summary>
    public static string Root => s_root.Value;

    /// <summary>The conformance vectors vendored into the repository: <c>tests/vectors/conformance</c> (docs/semantics.md).</summary>
    public static string ConformanceVectors => Path.Combine(RepoVectors, ConformanceFolderName);

    /// <summary>
    /// The project's upstream copy of the conformance vectors, <c>../shared/vectors</c> beside the repository.
    /// Optional: a clone has no such folder; where it exists, the vendored copy must equal it.
    /// </summary>
    public static string SharedVectors => Path.GetFullPath(Path.Combine(Root, "..", "shared", "vectors"));

    /// <summary>The repository's vectors: its own directly under tests/vectors, the vendored ones in its conformance folder.</summary>
    public static string RepoVectors => Path.Combine(Root, "tests", "vectors");

    /// <summary>Whether the optional upstream copy <see cref="SharedVectors"/> exists beside the repository.</summary>
    public static bool HasSharedVectors => Directory.Exists(SharedVectors);

    /// <summary>
    /// Every vector folder as (name, folder): the vendored conformance vectors (<c>conformance/NAME</c>), the
    /// repository's own (<c>NAME</c>) and, only where it exists, the upstream copy (<c>shared/NAME</c>).
    /// Folders are listed whatever they hold, so that a test reading an empty or broken one fails.
    /// </summary>
    public static IEnumerable<(string Name, string Folder)> AllVectors()
    {
        foreach (var folder in SubfoldersOf(ConformanceVectors))
            yield return (ConformanceFolderName + "/" + Path.GetFileName(folder), folder);
        foreach (var folder in SubfoldersOf(RepoVectors))
        {
            if (Path.GetFileName(folder) != ConformanceFolderName)
                yield return (Path.GetFileName(folder), folder);
        }
        if (HasSharedVectors)
        {
            foreach (var folder in SubfoldersOf(SharedVectors))
                yield return ("shared/" + Path.GetFileName(folder), folder);
        }
    }

    /// <summary>The subfolders of <paramref name="directory"/> in ordinal order; none when it does not exist.</summary>
    public static IEnumerable<string> SubfoldersOf(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetDirectories(directory).OrderBy(d => d, StringComparer.Ordinal)
            : Enumerable.Empty<string>();

    private static string FindRoot()
    {
        var recorded = typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Trajeckt.sln")))
            return recorded;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trajeckt.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Trajeckt.sln not found above " + AppContext.BaseDirectory);
    }
}
