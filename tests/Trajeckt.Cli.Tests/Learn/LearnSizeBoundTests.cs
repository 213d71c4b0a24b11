using Trajeckt.Traj.Learning;

namespace Trajeckt.Cli.Tests.Learn;

/// <summary>
/// Runs that vary with no pattern (each call any of nine tools) leave k-tails little to merge, and the
/// plan's expression grows exponentially while states are eliminated: the learner stops at the bound
/// with a message that says what to do, instead of running for minutes and writing an unreadable plan.
/// </summary>
public class LearnSizeBoundTests
{
    [Fact]
    public void Patternless_runs_stop_at_the_plan_length_bound_with_advice()
    {
        var runs = PatternlessRuns();

        var error = Assert.Throws<ArgumentException>(() => PolicyLearner.Learn(runs, PolicyLearner.DefaultK, "Learned", policy: null));

        Assert.Contains($"passed the learner's bounds: an expression over {PolicyLearner.MaxPlanLength:N0} characters", error.Message);
        Assert.DoesNotContain("(", error.Message.Replace(" (Parameter 'runs')", "")); // the CLI prints the message up to a parenthesis
        Assert.Contains("smaller -k", error.Message);
    }

    [Fact]
    public void The_same_runs_learn_with_k_zero()
    {
        var runs = PatternlessRuns();

        var learned = PolicyLearner.Learn(runs, 0, "Learned", policy: null);

        Assert.True(learned.Automaton.StateCount <= 2, $"{learned.Automaton.StateCount} states");
    }

    // 300 runs of 30 calls, each call any of nine tools, from a fixed seed.
    private static List<TrainingRun> PatternlessRuns()
    {
        var random = new Random(14);
        var tools = Enumerable.Range(0, 9).Select(i => "tool" + i).ToArray();
        return Enumerable.Range(0, 300).Select(r => new TrainingRun(
            $"run{r}.jsonl",
            Enumerable.Range(1, 30).Select(step => new TrainingCall(tools[random.Next(tools.Length)], step, null, Array.Empty<string>())).ToList(),
            isNegative: false)).ToList();
    }
}
