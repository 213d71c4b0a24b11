using Trajeckt.Replay;
using Trajeckt.TestSupport;

namespace Trajeckt.Runtime.Tests.Replay;

public sealed class VectorReplayTests
{
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var (_, folder) in RepoPaths.AllVectors())
            data.Add(folder);
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_expectation_of_the_vector_holds_in_the_runtime(string folder)
    {
        var runner = new TraceRunner(Policies.CompileFile(Path.Combine(folder, "policy.traj")));

        var results = runner.RunFile(Path.Combine(folder, "trace.jsonl")).ToList();

        Assert.NotEmpty(results);
        Assert.Contains(results, r => r.Expected is not null);
        Assert.All(results, r => Assert.True(r.ExpectationHeld, $"step {r.Step} (line {r.Event.Line}): expected {r.Expected}, got {r.Actual}: {r.Message}"));
        Assert.Equal(Enumerable.Range(1, results.Count), results.Select(r => r.Step));
    }

    [Fact]
    public void The_vendored_conformance_and_the_repository_vectors_are_all_found()
    {
        var names = RepoPaths.AllVectors().Select(v => v.Name).ToList();

        Assert.Contains("conformance/exfiltration-smoke", names);
        Assert.Contains("conformance/plan-wildcard", names);
        Assert.Contains("budget-counts-allowed-calls", names);
    }
}
