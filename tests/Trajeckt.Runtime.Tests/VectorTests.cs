using System.Text.Json;
using Trajeckt.Runtime.Tests.Support;
using Trajeckt.TestSupport;
using Trajeckt.TestSupport.Reference;
using Trajeckt.Traj;

namespace Trajeckt.Runtime.Tests;

/// <summary>Every conformance vector runs through a session and through the reference model, and both meet its expectations.</summary>
public sealed class VectorTests
{
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var (_, folder) in RepoPaths.AllVectors())
            data.Add(folder);
        return data;
    }

    [Fact]
    public void The_shared_vectors_are_present() =>
        Assert.True(
            Directory.Exists(RepoPaths.SharedVectors) && Directory.GetDirectories(RepoPaths.SharedVectors).Length >= 6,
            "expected the shared vectors under " + RepoPaths.SharedVectors);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void A_vector_passes_through_the_engine_and_the_reference_model(string folder)
    {
        var compilation = TrajCompiler.Compile(File.ReadAllText(Path.Combine(folder, "policy.traj")), "policy.traj");
        Assert.True(compilation.Success, string.Join(Environment.NewLine, compilation.Diagnostics));
        var trajectory = compilation.Trajectories[0];
        var (heuristic, halt, events, expectations) = ReadTrace(Path.Combine(folder, "trace.jsonl"));
        var onViolation = halt ? ViolationBehavior.Halt : ViolationBehavior.Refuse;

        var session = heuristic
            ? TrajecktSession.CreateHeuristic(trajectory.Graph, Policies.Uncommitted(onViolation))
            : TrajecktSession.Create(Commitment.FromVerifiedGraph(trajectory.Graph, trajectory.Encoding), new TrajecktOptions { OnViolation = onViolation });
        var engine = EngineDriver.Run(session, events);
        var reference = ReferenceModel.Evaluate(
            heuristic
                ? ReferenceSession.Heuristic(trajectory.Graph.Tools.ToDictionary(t => t.Name, t => t.Effects), halt)
                : ReferenceSession.Committed(trajectory.Graph, halt),
            events);

        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(i + 1, engine[i].Step);
            Assert.Equal(reference[i], engine[i]);
            if (expectations[i] is { } expected)
                Assert.True(expected == engine[i] with { Step = 0 }, $"step {i + 1} ({events[i]}): expected {expected}, got {engine[i]}");
        }
    }

    private static (bool Heuristic, bool Halt, List<ReferenceEvent> Events, List<ReferenceOutcome?> Expectations) ReadTrace(string path)
    {
        bool heuristic = false, halt = false;
        var events = new List<ReferenceEvent>();
        var expectations = new List<ReferenceOutcome?>();
        foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var json = JsonDocument.Parse(line).RootElement;
            if (json.TryGetProperty("options", out var options))
            {
                heuristic = options.TryGetProperty("heuristic", out var h) && h.GetBoolean();
                halt = options.TryGetProperty("halt_on_violation", out var s) && s.GetBoolean();
                continue;
            }
            string? expect = json.TryGetProperty("expect", out var e) ? e.GetString() : null;
            string? reason = json.TryGetProperty("reason", out var r) ? r.GetString() : null;
            if (json.TryGetProperty("input", out var input))
            {
                events.Add(new InputEvent(Enum.Parse<Trust>(input.GetString()!)));
                expectations.Add(null);
            }
            else if (json.TryGetProperty("authorize", out var tool))
            {
                events.Add(new AuthorizeEvent(tool.GetString()!, Enum.Parse<Trust>(json.GetProperty("by").GetString()!)));
                expectations.Add(expect is null ? null : new ReferenceOutcome(0, expect == "accepted", expect == "accepted" ? null : "authorization_rejected"));
            }
            else if (json.TryGetProperty("call", out var call))
            {
                Trust? origin = json.TryGetProperty("origin", out var o) ? Enum.Parse<Trust>(o.GetString()!) : null;
                var labels = json.TryGetProperty("labels", out var l) ? l.EnumerateArray().Select(x => x.GetString()!).ToArray() : null;
                events.Add(new CallEvent(call.GetString()!, origin, labels));
                expectations.Add(expect is null ? null : new ReferenceOutcome(0, expect == "allow", reason));
            }
        }
        return (heuristic, halt, events, expectations);
    }
}
