using CsCheck;
using Trajeckt.Runtime.Tests.Support;
using Trajeckt.TestSupport.Reference;
using Trajeckt.Traj;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Runtime.Tests;

/// <summary>
/// The engine against the naive reference model of docs/semantics.md on random graphs and random traces:
/// every event must get the same decision, reason and step.
/// </summary>
public sealed class ReferenceModelPropertyTests
{
    private static readonly string[] UnknownTools = ["zulu", "alpha2", "Alpha"];
    private static readonly string[] UnknownLabels = ["undeclared", "L-A"];

    [Fact]
    public void Committed_sessions_decide_like_the_reference_model() =>
        Gen.Int[0, int.MaxValue].Select(Gen.Bool).Sample((seed, halt) =>
        {
            var random = new Random(seed);
            var graph = RandomGraphs.Create(random);
            var events = RandomEvents(random, graph.Tools.Select(t => t.Name).ToArray(), graph.Labels.ToArray());
            var options = new TrajecktOptions { OnViolation = halt ? ViolationBehavior.Halt : ViolationBehavior.Refuse };
            var session = TrajecktSession.Create(Commitment.FromVerifiedGraph(graph, [1, 2, 3]), options);
            AssertSame(ReferenceModel.Evaluate(ReferenceSession.Committed(graph, halt), events), EngineDriver.Run(session, events), events, seed);
        }, iter: 400);

    [Fact]
    public void Sessions_of_compiled_policies_decide_like_the_reference_model() =>
        Gen.Int[0, int.MaxValue].Select(Gen.Bool).Sample((seed, halt) =>
        {
            var random = new Random(seed);
            var policy = RandomPolicies.Create(random);
            var compilation = TrajCompiler.Compile(policy, "random.traj");
            Assert.True(compilation.Success, policy + string.Join(Environment.NewLine, compilation.Diagnostics));
            var trajectory = compilation.Trajectories[0];
            var graph = trajectory.Graph;
            var events = RandomEvents(random, graph.Tools.Select(t => t.Name).ToArray(), graph.Labels.ToArray());
            var options = new TrajecktOptions { OnViolation = halt ? ViolationBehavior.Halt : ViolationBehavior.Refuse };
            var session = TrajecktSession.Create(Commitment.FromVerifiedGraph(graph, trajectory.Encoding), options);
            AssertSame(ReferenceModel.Evaluate(ReferenceSession.Committed(graph, halt), events), EngineDriver.Run(session, events), events, seed);
        }, iter: 200);

    [Fact]
    public void Heuristic_sessions_decide_like_the_reference_model() =>
        Gen.Int[0, int.MaxValue].Select(Gen.Bool).Sample((seed, halt) =>
        {
            var random = new Random(seed);
            var graph = RandomGraphs.Create(random);
            var effects = graph.Tools.ToDictionary(t => t.Name, t => t.Effects, StringComparer.Ordinal);
            var events = RandomEvents(random, graph.Tools.Select(t => t.Name).ToArray(), graph.Labels.ToArray());
            var session = TrajecktSession.CreateHeuristic(effects, Policies.Uncommitted(halt ? ViolationBehavior.Halt : ViolationBehavior.Refuse));
            AssertSame(ReferenceModel.Evaluate(ReferenceSession.Heuristic(effects, halt), events), EngineDriver.Run(session, events), events, seed);
        }, iter: 200);

    [Fact]
    public void Sessions_without_a_commitment_decide_like_the_reference_model() =>
        Gen.Int[0, int.MaxValue].Select(Gen.Bool).Sample((seed, halt) =>
        {
            var random = new Random(seed);
            var events = RandomEvents(random, RandomGraphs.ToolPool, RandomGraphs.LabelPool);
            var options = new TrajecktOptions { OnViolation = halt ? ViolationBehavior.Halt : ViolationBehavior.Refuse };
            var expected = ReferenceModel.Evaluate(ReferenceSession.RefuseAll("no_commitment", halt), events);
            AssertSame(expected, EngineDriver.Run(TrajecktSession.Create((Commitment?)null, options), events), events, seed);
            var sealInvalid = CommitmentLoadResult.Failure(DecisionReason.SealInvalid, "the seal does not verify");
            AssertSame(ReferenceModel.Evaluate(ReferenceSession.RefuseAll("seal_invalid", halt), events), EngineDriver.Run(TrajecktSession.Create(sealInvalid, options), events), events, seed);
        }, iter: 50);

    [Fact]
    public void Random_traces_reach_every_outcome_of_a_committed_session()
    {
        // The comparison is only as strong as the outcomes the random traces reach.
        var codes = new HashSet<string?>();
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var graph = RandomGraphs.Create(random);
            var events = RandomEvents(random, graph.Tools.Select(t => t.Name).ToArray(), graph.Labels.ToArray());
            var outcomes = ReferenceModel.Evaluate(ReferenceSession.Committed(graph, halt: seed % 2 == 0), events);
            foreach (var (e, o) in events.Zip(outcomes))
                codes.Add(e is CallEvent ? o.Code ?? "allow" : e is AuthorizeEvent ? o.Code ?? "accepted" : "input");
        }
        Assert.Equal(
            ["accepted", "allow", "authorization_rejected", "budget", "floor", "flow", "halted", "input", "transition", "unknown_tool"],
            codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Random_graphs_cover_wide_label_sets()
    {
        // The comparison above only means something for more than 64 labels if such graphs occur.
        var wide = Enumerable.Range(0, 200).Count(seed => RandomGraphs.Create(new Random(seed)).Labels.Count > 64);
        Assert.InRange(wide, 20, 200);
    }

    internal static List<ReferenceEvent> RandomEvents(Random random, string[] tools, string[] labels)
    {
        var count = random.Next(0, 40);
        var events = new List<ReferenceEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(10);
            if (roll < 2)
                events.Add(new InputEvent(RandomGraphs.RandomTrust(random)));
            else if (roll < 4)
                events.Add(new AuthorizeEvent(PickTool(random, tools), RandomGraphs.RandomTrust(random)));
            else
                events.Add(new CallEvent(PickTool(random, tools), random.Next(4) == 0 ? RandomGraphs.RandomTrust(random) : null, PickLabels(random, labels)));
        }
        return events;
    }

    private static string PickTool(Random random, string[] tools) =>
        random.Next(5) == 0 || tools.Length == 0 ? UnknownTools[random.Next(UnknownTools.Length)] : tools[random.Next(tools.Length)];

    private static string[]? PickLabels(Random random, string[] labels)
    {
        if (random.Next(5) != 0)
            return null;
        return Enumerable.Range(0, random.Next(1, 3))
            .Select(_ => labels.Length == 0 || random.Next(3) == 0 ? UnknownLabels[random.Next(UnknownLabels.Length)] : labels[random.Next(labels.Length)])
            .ToArray();
    }

    private static void AssertSame(IReadOnlyList<ReferenceOutcome> expected, IReadOnlyList<ReferenceOutcome> actual, IReadOnlyList<ReferenceEvent> events, int seed)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] != actual[i])
            {
                var trace = string.Join(Environment.NewLine, events.Select((e, j) => $"  {e} -> reference {expected[j]}, engine {actual[j]}"));
                Assert.Fail($"seed {seed}: event {i + 1} ({events[i]}) differs{Environment.NewLine}{trace}");
            }
        }
    }
}
