using CsCheck;
using Trajeckt.Traj.Diff;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Tests.Diff;

/// <summary>
/// <see cref="PlanLanguageDiff"/> against a brute-force reference on random small policies: every word over
/// the union of both tool sets up to length <see cref="MaxLength"/>, in shortlex order, decided by walking
/// each graph's table directly (a call is allowed when the tool is declared and the plan has a transition).
/// </summary>
public class PlanLanguageDiffPropertyTests
{
    private const int MaxLength = 5;
    private static readonly string[] s_tools = ["a", "b", "c"];

    // A random plan text over the declared tools (and the wildcard).
    private static Gen<string> Plan(string[] tools) => Gen.Recursive<string>((depth, self) =>
    {
        var leaf = Gen.Frequency((5, Gen.Int[0, tools.Length - 1].Select(i => tools[i])), (1, Gen.Const("_")));
        if (depth >= 3)
            return leaf;
        return Gen.Frequency(
            (3, leaf),
            (3, self.Array[2, 3].Select(items => "(" + string.Join(" ", items) + ")")),
            (3, self.Array[2, 3].Select(items => "(" + string.Join(" | ", items) + ")")),
            (3, Gen.Select(self, Gen.Int[0, 2].Select(i => "*+?"[i].ToString()), (operand, op) => "(" + operand + ")" + op)));
    });

    private static readonly Gen<CompiledGraph> Policy =
        from mask in Gen.Int[1, 7]
        let tools = s_tools.Where((_, i) => (mask & (1 << i)) != 0).ToArray()
        from plans in Plan(tools).Array[0, 2]
        let text = "trajectory T { " + string.Concat(tools.Select(t => $"tool {t}; ")) + string.Concat(plans.Select(p => $"plan {p}; ")) + "}"
        let compilation = TrajCompiler.Compile(text, "p.traj")
        where compilation.Success
        select compilation.Trajectories[0].Graph;

    [Fact]
    public void Witnesses_are_the_shortlex_least_disagreements()
    {
        Gen.Select(Policy, Policy).Sample((oldGraph, newGraph) =>
        {
            var difference = PlanLanguageDiff.Compare(oldGraph, newGraph);
            Assert.True(difference.SearchComplete);
            var words = Words(Alphabet(oldGraph, newGraph)).ToList();
            AssertLeast(difference.AllowedOnlyByOld, words.FirstOrDefault(w => Allowed(oldGraph, w) && !Allowed(newGraph, w)));
            AssertLeast(difference.AllowedOnlyByNew, words.FirstOrDefault(w => Allowed(newGraph, w) && !Allowed(oldGraph, w)));
            AssertLeast(difference.CompleteOnlyInOld, words.FirstOrDefault(w => Allowed(oldGraph, w) && Allowed(newGraph, w) && Complete(oldGraph, w) && !Complete(newGraph, w)));
            AssertLeast(difference.CompleteOnlyInNew, words.FirstOrDefault(w => Allowed(oldGraph, w) && Allowed(newGraph, w) && Complete(newGraph, w) && !Complete(oldGraph, w)));

            // The witness is decided as reported: accepted by exactly one side, refused at its last call.
            if (difference.AllowedOnlyByOld is { } witness)
            {
                var calls = witness.Calls.ToArray();
                Assert.True(Allowed(oldGraph, calls) && !Allowed(newGraph, calls) && Allowed(newGraph, calls[..^1]));
                Assert.Equal(newGraph.TryGetToolIndex(calls[^1], out _) ? "transition" : "unknown_tool", witness.Refusal);
            }
        }, iter: 400, print: t => Listing(t.Item1) + "\nvs\n" + Listing(t.Item2));
    }

    [Fact]
    public void A_policy_never_differs_from_itself()
    {
        Policy.Sample(graph =>
        {
            var difference = PolicyDiff.Compare(graph, graph);
            Assert.True(difference.IsEmpty);
        }, iter: 200, print: Listing);
    }

    [Fact]
    public void Swapping_the_inputs_swaps_the_witnesses()
    {
        Gen.Select(Policy, Policy).Sample((oldGraph, newGraph) =>
        {
            var forward = PlanLanguageDiff.Compare(oldGraph, newGraph);
            var backward = PlanLanguageDiff.Compare(newGraph, oldGraph);
            Assert.Equal(forward.AllowedOnlyByOld?.ToString(), backward.AllowedOnlyByNew?.ToString());
            Assert.Equal(forward.AllowedOnlyByNew?.ToString(), backward.AllowedOnlyByOld?.ToString());
            Assert.Equal(forward.CompleteOnlyInOld?.ToString(), backward.CompleteOnlyInNew?.ToString());
        }, iter: 200, print: t => Listing(t.Item1) + "\nvs\n" + Listing(t.Item2));
    }

    // A witness longer than the enumeration may exist only when the reference found none.
    private static void AssertLeast(PlanWitness? witness, string[]? reference)
    {
        if (reference is not null)
            Assert.Equal(string.Join(" ", reference), witness is null ? "(none)" : string.Join(" ", witness.Calls));
        else
            Assert.True(witness is null || witness.Calls.Count > MaxLength, $"found {witness} that the reference did not");
    }

    private static string[] Alphabet(CompiledGraph a, CompiledGraph b) =>
        a.Tools.Concat(b.Tools).Select(t => t.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray();

    // Shortlex order: by length, then by names in ordinal order.
    private static IEnumerable<string[]> Words(string[] alphabet)
    {
        IEnumerable<string[]> level = [Array.Empty<string>()];
        for (var length = 0; length <= MaxLength; length++)
        {
            var current = level.ToList();
            foreach (var word in current)
                yield return word;
            level = current.SelectMany(w => alphabet.Select(s => w.Append(s).ToArray()));
        }
    }

    private static int Walk(CompiledGraph graph, IEnumerable<string> word)
    {
        var state = 0;
        foreach (var call in word)
        {
            if (!graph.TryGetToolIndex(call, out var tool) || (state = graph.GetTransition(state, tool)) < 0)
                return -1;
        }
        return state;
    }

    private static bool Allowed(CompiledGraph graph, IEnumerable<string> word) => Walk(graph, word) >= 0;

    private static bool Complete(CompiledGraph graph, IEnumerable<string> word) => Walk(graph, word) is var state && state >= 0 && graph.IsAccepting(state);

    private static string Listing(CompiledGraph graph)
    {
        using var writer = new StringWriter();
        GraphListing.Write(graph, default, writer);
        return writer.ToString();
    }
}
