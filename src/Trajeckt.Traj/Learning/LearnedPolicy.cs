using Trajeckt.Traj.Automata;

namespace Trajeckt.Traj.Learning;

/// <summary>What <see cref="PolicyLearner"/> learned, and the evidence for each part of it.</summary>
internal sealed class LearnedPolicy
{
    public LearnedPolicy(string name, int k, IReadOnlyList<LearnedTool> tools, LearnedRegex plan, PlanDfa automaton,
        IReadOnlyList<LearnedFlow> flows, IReadOnlyList<TrainingRun> positives, int negativeCount,
        IReadOnlyList<string> negativesRefusedByPlan, IReadOnlyList<string> negativesNotSeparable, int prefixTreeStates,
        int? budget, IReadOnlyList<string> unusedPolicyTools)
    {
        Name = name;
        K = k;
        Tools = tools;
        Plan = plan;
        Automaton = automaton;
        Flows = flows;
        Positives = positives;
        NegativeCount = negativeCount;
        NegativesRefusedByPlan = negativesRefusedByPlan;
        NegativesNotSeparable = negativesNotSeparable;
        PrefixTreeStates = prefixTreeStates;
        Budget = budget;
        UnusedPolicyTools = unusedPolicyTools;
    }

    public string Name { get; }

    public int K { get; }

    /// <summary>The tools, ordinal order (the order of the automaton's tool indices).</summary>
    public IReadOnlyList<LearnedTool> Tools { get; }

    public LearnedRegex Plan { get; }

    /// <summary>The learned automaton, canonical: equal to the compiled plan's table when the plan text is exact.</summary>
    public PlanDfa Automaton { get; }

    public IReadOnlyList<LearnedFlow> Flows { get; }

    /// <summary>The benign runs, in name order.</summary>
    public IReadOnlyList<TrainingRun> Positives { get; }

    public int NegativeCount { get; }

    public IReadOnlyList<string> NegativesRefusedByPlan { get; }

    /// <summary>Negative runs whose calls are a prefix of a benign run: only flows, floors or budget can refuse them.</summary>
    public IReadOnlyList<string> NegativesNotSeparable { get; }

    public int PrefixTreeStates { get; }

    public int? Budget { get; }

    /// <summary>Tools the existing policy declares that no benign run called: left out.</summary>
    public IReadOnlyList<string> UnusedPolicyTools { get; }

    /// <summary>The policy as formatted, commented Traj text.</summary>
    public string ToTraj(string? policySource) => LearnedPolicyWriter.Write(this, policySource);
}
