using CsCheck;
using Trajeckt.Replay;
using Trajeckt.Traj;
using Trajeckt.Traj.Learning;

namespace Trajeckt.Cli.Tests.Learn;

/// <summary>
/// The learner on random recordings, checked with the real compiler and the real replay: the plan text
/// is exact, benign runs pass, negatives are refused, and learning is deterministic and idempotent.
/// </summary>
public class LearnPropertyTests
{
    // r reads customer data, s sends it out; the others are plain.
    private const string Policy = """
        trajectory P {
          tool r : sensitive(pii);
          tool s : sink(external);
          tool a;
          tool b;
        }
        """;

    private static readonly string[] s_tools = ["a", "b", "r", "s"];

    private static readonly Gen<int[]> s_word = Gen.Int[0, 3].Array[0, 7];

    private static readonly Gen<(int[][] Benign, int[][] Negative, int K, int Seed)> s_recordings =
        Gen.Select(s_word.Array[1, 8], s_word.Array[0, 4], Gen.Int[0, 3], Gen.Int);

    private static readonly CompiledTrajectory s_policy = TrajCompiler.Compile(Policy, "p.traj").Trajectories[0];

    [Fact]
    public void Learned_policies_are_exact_accept_every_benign_run_and_refuse_every_negative()
    {
        s_recordings.Sample(sample =>
        {
            var runs = Runs(sample.Benign, sample.Negative, out var negatives);
            if (!runs.Any(r => !r.IsNegative && r.Calls.Count > 0))
                return;
            var learned = PolicyLearner.Learn(runs, sample.K, "P", s_policy.Graph);
            var compiled = Compile(learned.ToTraj("p.traj"));

            AssertSameAutomaton(learned, compiled);
            foreach (var run in runs.Where(r => !r.IsNegative))
                Assert.DoesNotContain(Replay(compiled, run), d => d == ReplayDecision.Deny);
            foreach (var run in negatives)
                Assert.Contains(ReplayDecision.Deny, Replay(compiled, run));
        }, iter: 300, print: Print);
    }

    [Fact]
    public void Learning_is_deterministic_and_idempotent()
    {
        s_recordings.Sample(sample =>
        {
            var runs = Runs(sample.Benign, sample.Negative, out _);
            if (!runs.Any(r => !r.IsNegative && r.Calls.Count > 0))
                return;
            var learned = PolicyLearner.Learn(runs, sample.K, "P", s_policy.Graph).ToTraj("p.traj");

            var shuffled = runs.OrderBy(_ => new Random(sample.Seed).Next()).ToList();
            Assert.Equal(learned, PolicyLearner.Learn(shuffled, sample.K, "P", s_policy.Graph).ToTraj("p.traj"));

            // Learning again with the learned policy as the existing one, from the runs it accepts, is a fixpoint.
            var compiled = Compile(learned);
            var again = PolicyLearner.Learn(runs, sample.K, "P", compiled.Graph).ToTraj("learned.traj");
            Assert.Equal(compiled.Digest, Compile(again).Digest);
        }, iter: 200, print: Print);
    }

    [Fact]
    public void A_negative_that_a_merge_would_admit_keeps_the_states_apart()
    {
        // 0-tails merge every accepting state ("a b", "a b b") and every other one (the start, "a"):
        // a* b+, which admits "a b b b". The negative run keeps "a b b" apart from "a b"; the start and
        // "a" still merge, since that admits no negative.
        var benign = new[] { new[] { 0, 1 }, new[] { 0, 1, 1 } };
        var without = PolicyLearner.Learn(Runs(benign, [], out _), 0, "P", s_policy.Graph);
        var with = PolicyLearner.Learn(Runs(benign, [[0, 1, 1, 1]], out _), 0, "P", s_policy.Graph);
        Assert.Equal("a* b+", without.Plan.Key);
        Assert.Equal("a* b b?", with.Plan.Key);
    }

    internal static List<TrainingRun> Runs(int[][] benign, int[][] negative, out List<TrainingRun> separableNegatives)
    {
        var runs = new List<TrainingRun>();
        for (var i = 0; i < benign.Length; i++)
            runs.Add(Run($"benign-{i}", benign[i], negative: false));
        // A negative whose calls are a prefix of a benign run cannot be told apart by the plan: left out here.
        separableNegatives = new List<TrainingRun>();
        for (var i = 0; i < negative.Length; i++)
        {
            var word = negative[i];
            if (word.Length == 0 || benign.Any(b => b.Length >= word.Length && b.Take(word.Length).SequenceEqual(word)))
                continue;
            var run = Run($"negative-{i}", word, negative: true);
            runs.Add(run);
            separableNegatives.Add(run);
        }
        return runs;
    }

    private static TrainingRun Run(string name, int[] word, bool negative) =>
        new(name, word.Select((t, i) => new TrainingCall(s_tools[t], i + 1, null, Array.Empty<string>())).ToList(), negative);

    internal static CompiledTrajectory Compile(string text)
    {
        var compilation = TrajCompiler.Compile(text, "learned.traj");
        Assert.True(compilation.Success, text + "\n" + string.Join("\n", compilation.Diagnostics));
        return compilation.Trajectories[0];
    }

    internal static void AssertSameAutomaton(LearnedPolicy learned, CompiledTrajectory compiled)
    {
        var graph = compiled.Graph;
        Assert.Equal(learned.Tools.Select(t => t.Name), graph.Tools.Select(t => t.Name));
        var dfa = learned.Automaton;
        Assert.Equal(dfa.StateCount, graph.StateCount);
        for (var s = 0; s < dfa.StateCount; s++)
        {
            Assert.Equal(dfa.Accepting[s], graph.IsAccepting(s));
            var expected = Enumerable.Range(dfa.TransitionStart[s], dfa.TransitionStart[s + 1] - dfa.TransitionStart[s])
                .Select(i => (dfa.TransitionTool[i], dfa.TransitionTarget[i]));
            Assert.Equal(expected, graph.GetTransitions(s));
        }
    }

    private static List<ReplayDecision> Replay(CompiledTrajectory trajectory, TrainingRun run)
    {
        var text = string.Join("\n", run.Calls.Select(c => $"{{\"call\": \"{c.Tool}\"}}"));
        using var reader = new TraceReader(new StringReader(text), run.Name);
        return new TraceRunner(trajectory).Run(reader).Select(r => r.Decision).ToList();
    }

    private static string Print((int[][] Benign, int[][] Negative, int K, int Seed) sample) =>
        $"k={sample.K} benign=[{Words(sample.Benign)}] negative=[{Words(sample.Negative)}]";

    private static string Words(int[][] words) => string.Join(", ", words.Select(w => string.Join(" ", w.Select(t => s_tools[t]))));
}
