using System.Text.Json;
using Trajeckt.TestSupport;

namespace Trajeckt.Cli.Tests.Replay;

public sealed class ReplayVectorCliTests
{
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var (_, folder) in RepoPaths.AllVectors())
            data.Add(folder);
        return data;
    }

    [Fact]
    public void The_replayed_vectors_include_the_vendored_conformance_vectors_and_are_complete()
    {
        var vectors = RepoPaths.AllVectors().ToList();

        Assert.Contains(vectors, v => v.Name.StartsWith("conformance/", StringComparison.Ordinal));
        Assert.Empty(vectors.SelectMany(v => VectorFolders.Problems(v.Folder)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_vector_passes_through_trajeckt_replay(string folder)
    {
        var run = ReplayCli.Run(Path.Combine(folder, "policy.traj"), Path.Combine(folder, "trace.jsonl"));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.All(run.ErrorLines(), line => Assert.Contains(": warning TRJ", line));
        var lines = run.OutputLines();
        Assert.Equal(StepCount(folder), lines.Length - 1);
        Assert.All(lines[..^1], line => Assert.StartsWith(" ", line));
        Assert.Matches("^replay .+: \\d+ steps? .*; all \\d+ expectations? held$", lines[^1]);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_vector_passes_through_trajeckt_replay_json(string folder)
    {
        var run = ReplayCli.Run(Path.Combine(folder, "policy.traj"), Path.Combine(folder, "trace.jsonl"), "--json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var objects = run.JsonLines();
        Assert.Equal(StepCount(folder), objects.Count);
        Assert.Equal(Enumerable.Range(1, objects.Count), objects.Select(o => o.GetProperty("step").GetInt32()));
        Assert.All(objects, o => Assert.Equal(["step", "tool", "decision", "reason", "message"], o.EnumerateObject().Select(p => p.Name)));
        Assert.Single(run.ErrorLines(), line => !line.Contains(": warning TRJ"));
    }

    // Steps are the trace's non-blank lines that are not notes or options.
    private static int StepCount(string folder) =>
        File.ReadLines(Path.Combine(folder, "trace.jsonl"))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Count(o => !o.TryGetProperty("note", out _) && !o.TryGetProperty("options", out _));
}
