using Trajeckt.Runtime.Tests.Seals;
using Trajeckt.TestSupport;

namespace Trajeckt.Runtime.Tests;

/// <summary>
/// The conformance vectors live in the repository (tests/vectors/conformance), every vector folder is complete,
/// and where the upstream copy ../shared/vectors exists beside the clone, the vendored copy equals it.
/// </summary>
public sealed class VectorFolderTests
{
    [Fact]
    public void The_conformance_vectors_are_vendored_into_the_repository()
    {
        var names = RepoPaths.SubfoldersOf(RepoPaths.ConformanceVectors).Select(Path.GetFileName).ToList();

        Assert.True(names.Count > 0, "no conformance vectors under " + RepoPaths.ConformanceVectors);
        Assert.Contains("exfiltration-smoke", names);
        Assert.Contains("clawtrojan-cs_delay_002", names);
    }

    [Fact]
    public void Every_vector_folder_holds_a_readable_policy_and_trace()
    {
        var vectors = RepoPaths.AllVectors().ToList();

        Assert.NotEmpty(vectors);
        Assert.Empty(vectors.SelectMany(v => VectorFolders.Problems(v.Folder)));
    }

    [Fact]
    public void The_vendored_vectors_equal_the_shared_copy_where_it_exists()
    {
        // Optional by design: a clone has no ../shared beside it, and then there is nothing to compare.
        if (!RepoPaths.HasSharedVectors)
            return;

        Assert.Empty(VectorFolders.Drift(RepoPaths.ConformanceVectors, RepoPaths.SharedVectors));
    }

    [Fact]
    public void A_missing_empty_or_undecodable_file_is_a_problem()
    {
        using var temp = new TempFolder();
        var missing = Directory.CreateDirectory(temp.File("missing")).FullName;
        File.WriteAllText(Path.Combine(missing, "policy.traj"), "trajectory T { tool a; }");
        var empty = Directory.CreateDirectory(temp.File("empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "policy.traj"), "trajectory T { tool a; }");
        File.WriteAllText(Path.Combine(empty, "trace.jsonl"), "\n  \n");
        var binary = Directory.CreateDirectory(temp.File("binary")).FullName;
        File.WriteAllBytes(Path.Combine(binary, "policy.traj"), [0xC3, 0x28, 0xFF]);
        File.WriteAllText(Path.Combine(binary, "trace.jsonl"), "{\"call\": \"a\"}\n");
        var folderNamedAsFile = Directory.CreateDirectory(temp.File("folder")).FullName;
        Directory.CreateDirectory(Path.Combine(folderNamedAsFile, "policy.traj"));
        File.WriteAllText(Path.Combine(folderNamedAsFile, "trace.jsonl"), "{\"call\": \"a\"}\n");

        Assert.Equal([Path.Combine(missing, "trace.jsonl") + ": missing"], VectorFolders.Problems(missing));
        Assert.Equal([Path.Combine(empty, "trace.jsonl") + ": empty"], VectorFolders.Problems(empty));
        Assert.StartsWith(Path.Combine(binary, "policy.traj") + ": unreadable", Assert.Single(VectorFolders.Problems(binary)));
        Assert.Equal([Path.Combine(folderNamedAsFile, "policy.traj") + ": missing"], VectorFolders.Problems(folderNamedAsFile));
        Assert.Equal(2, VectorFolders.Problems(Directory.CreateDirectory(temp.File("nothing")).FullName).Count);
    }

    [Fact]
    public void Drift_names_every_vector_and_file_that_differs()
    {
        using var temp = new TempFolder();
        var vendored = temp.File("vendored");
        var upstream = temp.File("upstream");
        foreach (var root in new[] { vendored, upstream })
        {
            foreach (var name in new[] { "same", "changed" })
            {
                Directory.CreateDirectory(Path.Combine(root, name));
                File.WriteAllText(Path.Combine(root, name, "policy.traj"), "trajectory T { tool a; }\n");
                File.WriteAllText(Path.Combine(root, name, "trace.jsonl"), "{\"call\": \"a\"}\n");
            }
        }
        Assert.Empty(VectorFolders.Drift(vendored, upstream));

        // One byte: a line ending, the change a checkout with autocrlf would make.
        File.WriteAllText(Path.Combine(vendored, "changed", "trace.jsonl"), "{\"call\": \"a\"}\r\n");
        Directory.CreateDirectory(Path.Combine(upstream, "new-upstream"));
        Directory.CreateDirectory(Path.Combine(vendored, "only-vendored"));
        File.WriteAllText(Path.Combine(upstream, "same", "extra.txt"), "x");

        var drift = VectorFolders.Drift(vendored, upstream);

        Assert.Equal(4, drift.Count);
        Assert.Contains(drift, d => d.StartsWith("new-upstream: in ", StringComparison.Ordinal));
        Assert.Contains(drift, d => d.StartsWith("only-vendored: vendored in ", StringComparison.Ordinal));
        Assert.Contains(drift, d => d.StartsWith("changed/trace.jsonl: the vendored copy differs", StringComparison.Ordinal));
        Assert.Contains(drift, d => d.StartsWith("same/extra.txt: only in " + upstream, StringComparison.Ordinal));
    }
}
