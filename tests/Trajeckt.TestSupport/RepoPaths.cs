namespace Trajeckt.TestSupport;

/// <summary>Finds the repository root and the conformance vectors from a test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder that holds Trajeckt.sln.</summary>
    public static string Root => s_root.Value;

    /// <summary>The shared conformance vectors: <c>../shared/vectors</c> beside the repository.</summary>
    public static string SharedVectors => Path.GetFullPath(Path.Combine(Root, "..", "shared", "vectors"));

    /// <summary>The repository's own vectors under tests/vectors.</summary>
    public static string RepoVectors => Path.Combine(Root, "tests", "vectors");

    /// <summary>Every vector folder (shared first, then the repository's own), as (name, folder).</summary>
    public static IEnumerable<(string Name, string Folder)> AllVectors()
    {
        foreach (var dir in new[] { SharedVectors, RepoVectors })
        {
            if (!Directory.Exists(dir))
                continue;
            foreach (var folder in Directory.GetDirectories(dir).OrderBy(d => d, StringComparer.Ordinal))
                yield return (Path.GetFileName(folder), folder);
        }
    }

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
