using System.Text;

namespace Trajeckt.TestSupport;

/// <summary>
/// Checks on vector folders: each must hold a readable, non-empty <c>policy.traj</c> and <c>trace.jsonl</c>,
/// and the vendored conformance vectors must equal the upstream copy byte for byte wherever that copy exists.
/// </summary>
public static class VectorFolders
{
    /// <summary>The files every vector folder holds.</summary>
    public static readonly IReadOnlyList<string> Files = ["policy.traj", "trace.jsonl"];

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>What is wrong with one vector folder; empty when it holds both files, readable, non-empty UTF-8.</summary>
    public static IReadOnlyList<string> Problems(string folder)
    {
        var problems = new List<string>();
        if (!Directory.Exists(folder))
            return [folder + ": not a folder"];
        foreach (var name in Files)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                problems.Add(path + ": missing");
                continue;
            }
            try
            {
                var bytes = File.ReadAllBytes(path);
                if (string.IsNullOrWhiteSpace(s_strictUtf8.GetString(bytes)))
                    problems.Add(path + ": empty");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                problems.Add(path + ": unreadable (" + e.Message + ")");
            }
        }
        return problems;
    }

    /// <summary>
    /// Every difference between two copies of a vector set: a vector or file in one and not the other, or a
    /// file whose bytes differ. Empty when the copies are identical.
    /// </summary>
    public static IReadOnlyList<string> Drift(string vendored, string upstream)
    {
        var differences = new List<string>();
        var ours = RepoPaths.SubfoldersOf(vendored).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var theirs = RepoPaths.SubfoldersOf(upstream).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var name in theirs.Except(ours).Order(StringComparer.Ordinal))
            differences.Add($"{name}: in {upstream} but not vendored in {vendored}");
        foreach (var name in ours.Except(theirs).Order(StringComparer.Ordinal))
            differences.Add($"{name}: vendored in {vendored} but not in {upstream}");
        foreach (var name in ours.Intersect(theirs).Order(StringComparer.Ordinal))
        {
            var ourFiles = FileNames(Path.Combine(vendored, name!));
            var theirFiles = FileNames(Path.Combine(upstream, name!));
            foreach (var file in ourFiles.Union(theirFiles).Order(StringComparer.Ordinal))
            {
                var ourPath = Path.Combine(vendored, name!, file);
                var theirPath = Path.Combine(upstream, name!, file);
                if (!ourFiles.Contains(file) || !theirFiles.Contains(file))
                    differences.Add($"{name}/{file}: only in {(ourFiles.Contains(file) ? vendored : upstream)}");
                else if (!File.ReadAllBytes(ourPath).AsSpan().SequenceEqual(File.ReadAllBytes(theirPath)))
                    differences.Add($"{name}/{file}: the vendored copy differs from {theirPath}");
            }
        }
        return differences;
    }

    private static HashSet<string> FileNames(string folder) =>
        Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal);
}
