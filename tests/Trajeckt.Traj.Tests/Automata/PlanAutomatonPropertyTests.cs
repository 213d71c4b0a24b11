using CsCheck;
using Trajeckt.Traj.Automata;

namespace Trajeckt.Traj.Tests.PlanAutomata;

/// <summary>The builder against the reference matcher, and its canonical form, on random plans.</summary>
public class PlanAutomatonPropertyTests
{
    private const int ToolCount = 3;

    private static readonly Gen<(PlanRegex[] Plans, int[][] Words)> PlansAndWords =
        Gen.Select(PlanRegexGen.Plans(ToolCount), PlanRegexGen.Word(ToolCount).Array[1, 12]);

    [Fact]
    public void Viable_prefixes_and_accepted_words_agree_with_the_reference()
    {
        PlansAndWords.Sample((plans, words) =>
        {
            var result = PlanAutomatonBuilder.Build(plans, ToolCount, 10_000);
            var reference = new ReferenceMatcher(plans, ToolCount);
            Assert.Equal(!reference.IsNonEmpty, result.IsEmptyLanguage);
            foreach (var word in words)
            {
                var state = result.Dfa is null ? -1 : 0;
                var viable = state >= 0;
                foreach (var tool in word)
                {
                    if (state >= 0)
                        state = result.Dfa!.Step(state, tool);
                    viable = state >= 0;
                }
                Assert.Equal(reference.IsViablePrefix(word), viable);
                Assert.Equal(reference.Accepts(word), viable && result.Dfa!.Accepting[state]);
            }
        }, iter: 400, print: t => PlanRegexGen.Format(t.Item1) + " words " + string.Join(",", t.Item2.Select(w => "[" + string.Join(" ", w) + "]")));
    }

    [Fact]
    public void Automata_are_canonical_and_minimal()
    {
        PlanRegexGen.Plans(ToolCount).Sample(plans =>
        {
            var result = PlanAutomatonBuilder.Build(plans, ToolCount, 10_000);
            if (result.Dfa is { } dfa)
                DfaInvariants.AssertCanonical(dfa, ToolCount);
        }, iter: 300, print: PlanRegexGen.Format);
    }

    [Fact]
    public void Equivalent_rewrites_build_identical_automata()
    {
        Gen.Select(PlanRegexGen.Plans(ToolCount), Gen.Int).Sample((plans, seed) =>
        {
            var random = new Random(seed);
            var rewritten = plans.Select(p => PlanRegexGen.Rewrite(p, random)).OrderBy(_ => random.Next()).ToArray();
            var original = PlanAutomatonBuilder.Build(plans, ToolCount, 10_000);
            var other = PlanAutomatonBuilder.Build(rewritten, ToolCount, 10_000);
            Assert.Equal(original.IsEmptyLanguage, other.IsEmptyLanguage);
            DfaAssert.Identical(original.Dfa, other.Dfa);
        }, iter: 300, print: t => PlanRegexGen.Format(t.Item1) + " seed " + t.Item2);
    }

    [Fact]
    public void The_wildcard_matches_every_declared_tool()
    {
        Gen.Int[1, 40].Sample(toolCount =>
        {
            // _ a: the start row holds every tool, all leading to the one state that expects 'a'.
            var dfa = PlanAutomatonBuilder.Build(new[] { PlanRegex.Sequence(PlanRegex.Any, PlanRegex.Symbol(0)) }, toolCount, 100).Dfa!;
            Assert.Equal(Enumerable.Range(0, toolCount), dfa.TransitionTool.Take(dfa.TransitionStart[1]));
            Assert.All(dfa.TransitionTarget.Take(dfa.TransitionStart[1]), target => Assert.Equal(1, target));
            Assert.True(dfa.Accepting[dfa.Step(1, 0)]);
            Assert.All(Enumerable.Range(1, toolCount - 1), tool => Assert.Equal(-1, dfa.Step(1, tool)));
        }, iter: 40);
    }
}
