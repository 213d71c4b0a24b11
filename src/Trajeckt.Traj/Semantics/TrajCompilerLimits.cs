namespace Trajeckt.Traj.Semantics;

/// <summary>
/// Bounds that keep a hostile or accidental policy from exhausting the compiler. The sizes of the graph
/// itself (tools, labels, name length, states, transitions, encoding) are the format's, defined once in
/// <see cref="Graph.GraphLimits"/>: the compiler refuses what the decoder would refuse, each with its
/// own located diagnostic, so a policy that compiles always yields a graph that decodes.
/// </summary>
internal sealed class TrajCompilerLimits
{
    public static TrajCompilerLimits Default { get; } = new(maxStates: 10_000, maxConstructionWork: 4_000_000, maxPlanTerms: 1_000_000);

    public TrajCompilerLimits(int maxStates, long maxConstructionWork, int maxPlanTerms)
    {
        MaxStates = maxStates;
        MaxConstructionWork = maxConstructionWork;
        MaxPlanTerms = maxPlanTerms;
    }

    /// <summary>The most states the plan automaton may have while it is determinized (TRJ0113).</summary>
    public int MaxStates { get; }

    /// <summary>The most steps of work the determinization may take (TRJ0157); bounds time and memory.</summary>
    public long MaxConstructionWork { get; }

    /// <summary>The most tool names and wildcards all plans of a trajectory may hold together (TRJ0158).</summary>
    public int MaxPlanTerms { get; }
}
