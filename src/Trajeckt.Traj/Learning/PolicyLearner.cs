using Trajeckt.Traj.Automata;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Learning;

/// <summary>
/// Synthesizes a policy from recorded runs (docs/rollout.md): the tools the benign runs called with
/// the effects the evidence shows, a plan learned by k-tails state merging that accepts every benign
/// run and refuses every negative run that the plan can tell apart, and the flows the benign runs
/// needed. The result depends only on the runs' contents and names, never on their order.
/// </summary>
internal static class PolicyLearner
{
    /// <summary>The default k: states merge when the next two calls look the same.</summary>
    public const int DefaultK = 2;

    /// <summary>
    /// The longest plan expression written, in characters: past it a plan is beyond review, and the runs
    /// vary more than k-tails with that k can summarize.
    /// </summary>
    public const int MaxPlanLength = 1_000_000;

    /// <summary>Learns a policy.</summary>
    /// <param name="runs">The recorded runs, benign and negative.</param>
    /// <param name="k">The k of k-tails, at least 0.</param>
    /// <param name="trajectoryName">The learned trajectory's name.</param>
    /// <param name="policy">An existing policy whose tool lines give effects, floors and authorizers, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">No benign run calls a tool, k is negative, or the plan exceeds the graph's limits or <see cref="MaxPlanLength"/>.</exception>
    public static LearnedPolicy Learn(IReadOnlyList<TrainingRun> runs, int k, string trajectoryName, CompiledGraph? policy)
    {
        if (k < 0)
            throw new ArgumentException("k is at least 0.", nameof(k));
        var ordered = runs.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => string.Join("\n", r.Calls.Select(c => c.Tool)), StringComparer.Ordinal).ToList();
        var positives = ordered.Where(r => !r.IsNegative).ToList();
        var negatives = ordered.Where(r => r.IsNegative).ToList();
        if (positives.All(r => r.Calls.Count == 0))
            throw new ArgumentException("No benign run calls a tool, so there is nothing to learn a plan from.", nameof(runs));

        var toolNames = positives.SelectMany(r => r.Calls).Select(c => c.Tool).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var toolIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < toolNames.Count; i++)
            toolIndex.Add(toolNames[i], i);
        var tools = toolNames.Select(name => LearnTool(name, positives, policy)).ToList();

        var tree = PrefixTree.Build(positives.Select(r => r.Calls.Select(c => toolIndex[c.Tool]).ToArray()));
        // A negative that calls a tool no benign run called is refused as an unknown tool.
        var separable = new List<int[]>();
        var refusedByPlan = new List<string>();
        var notSeparable = new List<string>();
        foreach (var run in negatives)
        {
            if (run.Calls.Any(c => !toolIndex.ContainsKey(c.Tool)))
            {
                refusedByPlan.Add(run.Name);
                continue;
            }
            var word = run.Calls.Select(c => toolIndex[c.Tool]).ToArray();
            if (KTailsMerger.TreeRefuses(tree, word))
            {
                separable.Add(word);
                refusedByPlan.Add(run.Name);
            }
            else
            {
                notSeparable.Add(run.Name);
            }
        }

        var blockOf = KTailsMerger.Partition(tree, k, separable, out var blockCount);
        var dfa = QuotientAutomaton.Build(tree, blockOf, blockCount, toolNames.Count)
            ?? throw new ArgumentException("The learned plan exceeds the graph's size limits.", nameof(runs));
        var plan = StateElimination.ToRegex(dfa, toolNames, MaxPlanLength)
            ?? throw new ArgumentException(
                $"Writing the learned plan of {dfa.StateCount} states as an expression passed the learner's bounds: an expression over {MaxPlanLength:N0} characters, or {16L * MaxPlanLength:N0} written on the way. " +
                $"The runs vary more than k-tails with k = {k} can summarize; learn with a smaller -k, which merges more states, or from the runs of one task at a time.", nameof(runs));

        return new LearnedPolicy(trajectoryName, k, tools, plan, dfa, LearnFlows(positives, tools),
            positives, negatives.Count, refusedByPlan, notSeparable, tree.StateCount, policy?.Budget,
            policy is null ? Array.Empty<string>() : policy.Tools.Select(t => t.Name).Where(n => !toolIndex.ContainsKey(n)).ToList());
    }

    private static LearnedTool LearnTool(string name, IReadOnlyList<TrainingRun> positives, CompiledGraph? policy)
    {
        var calls = positives.SelectMany(r => r.Calls).Where(c => c.Tool == name).ToList();
        var runCount = positives.Count(r => r.Calls.Any(c => c.Tool == name));
        var reportedLabels = calls.SelectMany(c => c.Labels).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToList();
        var reportedOrigins = calls.Where(c => c.Origin is not null).Select(c => c.Origin!.Value).Distinct().OrderBy(t => t).ToList();

        GraphTool? declared = null;
        if (policy is not null && policy.TryGetToolIndex(name, out var index))
            declared = policy.Tools[index];
        var labels = new SortedSet<string>(reportedLabels, StringComparer.Ordinal);
        if (declared is not null)
        {
            foreach (var label in declared.LabelIndices)
                labels.Add(policy!.Labels[label]);
        }
        // A reported origin becomes the declared one only when every call reported the same origin, so
        // the learned policy lowers integrity exactly where the recordings did, never at other calls.
        var origin = declared?.Origin ?? Trust.ToolOutput;
        if (calls.All(c => c.Origin is not null) && reportedOrigins.Count == 1 && reportedOrigins[0] < origin)
            origin = reportedOrigins[0];
        var effects = (declared?.Effects ?? ToolEffects.None) & ~ToolEffects.Sensitive;
        if (labels.Count > 0)
            effects |= ToolEffects.Sensitive;
        return new LearnedTool(name, effects, labels.ToList(), origin, declared?.Floor, declared?.Authorizer ?? Trust.TrustedUser,
            declared is not null, runCount, calls.Count, reportedLabels, reportedOrigins);
    }

    // Replays the taint of each benign run as the runtime would (declared and reported labels join after
    // each allowed call) and collects, for every external sink or egress call, the labels it carried.
    private static List<LearnedFlow> LearnFlows(IReadOnlyList<TrainingRun> positives, IReadOnlyList<LearnedTool> tools)
    {
        var byName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var needed = new SortedDictionary<(string Label, string Tool), List<string>>(Comparer<(string Label, string Tool)>.Create(
            (a, b) => a.Label != b.Label ? string.CompareOrdinal(a.Label, b.Label) : string.CompareOrdinal(a.Tool, b.Tool)));
        foreach (var run in positives)
        {
            var taint = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var call in run.Calls)
            {
                var tool = byName[call.Tool];
                if (tool.IsFlowRestricted)
                {
                    foreach (var label in taint)
                    {
                        if (!needed.TryGetValue((label, tool.Name), out var by))
                            needed.Add((label, tool.Name), by = new List<string>());
                        by.Add($"{run.Name} step {call.Step}");
                    }
                }
                taint.UnionWith(tool.Labels);
                taint.UnionWith(call.Labels);
            }
        }
        return needed.Select(pair => new LearnedFlow(pair.Key.Label, pair.Key.Tool, pair.Value)).ToList();
    }
}
