using System.Reflection;
using System.Runtime.CompilerServices;

namespace Trajeckt.Generators.Tests.Infrastructure;

/// <summary>
/// Approval of generated sources against <c>Snapshots/&lt;Test&gt;.&lt;HintName&gt;.verified.cs</c> in the test
/// project's folder. A mismatch writes <c>*.received.cs</c> beside it and fails. To approve new output, run
/// the tests with <c>TRAJECKT_ACCEPT_SNAPSHOTS=1</c>, read the changed verified files, and commit them;
/// under CI (<c>CI=true</c>) nothing is ever accepted, so a missing or stale verified file fails.
/// </summary>
internal static class Snapshot
{
    private static readonly string s_directory = typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SnapshotDirectory").Value!;

    /// <summary>Whether received output is written as verified: only when asked for, and never under CI.</summary>
    public static bool IsAccepting(Func<string, string?> environment) =>
        environment("TRAJECKT_ACCEPT_SNAPSHOTS") == "1"
        && !string.Equals(environment("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every generated source must match its verified file, and every verified file of the test must still be generated.</summary>
    public static void VerifyAll(IReadOnlyDictionary<string, string> sources, [CallerMemberName] string test = "") =>
        VerifyAll(s_directory, IsAccepting(Environment.GetEnvironmentVariable), sources, test);

    /// <summary><see cref="VerifyAll(IReadOnlyDictionary{string, string}, string)"/> in <paramref name="directory"/>.</summary>
    public static void VerifyAll(string directory, bool accepting, IReadOnlyDictionary<string, string> sources, string test)
    {
        var failures = new List<string>();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (hintName, text) in sources)
        {
            var verified = PathOf(directory, test, hintName, "verified");
            expectedFiles.Add(Path.GetFileName(verified));
            var failure = Compare(verified, PathOf(directory, test, hintName, "received"), text, accepting);
            if (failure is not null)
                failures.Add(failure);
        }
        foreach (var stale in Directory.EnumerateFiles(directory, test + ".*.verified.cs").Select(Path.GetFileName).Where(f => !expectedFiles.Contains(f!)))
        {
            if (accepting)
                File.Delete(Path.Combine(directory, stale!));
            else
                failures.Add($"{stale} is no longer generated; delete it if that is intended");
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static string PathOf(string directory, string test, string hintName, string kind)
    {
        var stem = hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName;
        return Path.Combine(directory, $"{test}.{stem}.{kind}.cs");
    }

    private static string? Compare(string verifiedPath, string receivedPath, string actual, bool accepting)
    {
        actual = Normalize(actual);
        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return null;
        }
        if (accepting)
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return null;
        }
        File.WriteAllText(receivedPath, actual);
        if (expected is null)
            return $"{Path.GetFileName(verifiedPath)} does not exist; the output is in {receivedPath}. Read it, then accept with TRAJECKT_ACCEPT_SNAPSHOTS=1.";
        return $"{Path.GetFileName(verifiedPath)} differs from the generated source: {FirstDifference(expected, actual)}\n"
            + $"  diff {verifiedPath} {receivedPath}\n  accept with TRAJECKT_ACCEPT_SNAPSHOTS=1 once the change is intended.";
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end of file>";
            var right = i < b.Length ? b[i] : "<end of file>";
            if (left != right)
                return $"line {i + 1}\n  verified: {left}\n  received: {right}";
        }
        return "no line differs";
    }

    // Git may check text out with CRLF line ends; the generator writes '\n'.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
