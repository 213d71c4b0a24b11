using Trajeckt.Replay;
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
            // A refusal expected without a reason matches any reason code.
            if (expectations[i] is { } expected)
                Assert.True(expected == engine[i] with { Step = 0, Code = expected.Allowed || expected.Code is not null ? engine[i].Code : null },
                    $"step {i + 1} ({events[i]}): expected {expected}, got {engine[i]}");
        }
    }

    // Read with the replay's own reader, so this test and `trajeckt replay` can never read a vector differently.
    private static (bool Heuristic, bool Halt, List<ReferenceEvent> Events, List<ReferenceOutcome?> Expectations) ReadTrace(string path)
    {
        using var reader = TraceReader.Open(path);
        var options = reader.ReadOptions();
        var events = new List<ReferenceEvent>();
        var expectations = new List<ReferenceOutcome?>();
        while (reader.Read() is { } step)
        {
            switch (step.Kind)
            {
                case TraceEventKind.Input:
                    events.Add(new InputEvent(step.Trust!.Value));
                    expectations.Add(null);
                    break;
                case TraceEventKind.Authorize:
                    events.Add(new AuthorizeEvent(step.Tool!, step.Trust!.Value));
                    expectations.Add(step.Expect is { } accepted
                        ? new ReferenceOutcome(0, accepted == TraceExpectation.Accepted, accepted == TraceExpectation.Accepted ? null : "authorization_rejected")
                        : null);
                    break;
                case TraceEventKind.Call:
                    events.Add(new CallEvent(step.Tool!, step.Origin, step.Labels?.ToArray()));
                    // A reason without expect expects that refusal (docs/replay.md).
                    var allowed = step.Expect == TraceExpectation.Allow;
                    expectations.Add(step.Expect is null && step.ExpectedReason is null ? null : new ReferenceOutcome(0, allowed, step.ExpectedReason));
                    break;
            }
        }
        return (options.Heuristic, options.HaltOnViolation, events, expectations);
    }
}
