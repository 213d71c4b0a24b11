namespace Trajeckt.Traj.Semantics;

/// <summary>Bounds that keep a hostile or accidental policy from exhausting the compiler or the runtime.</summary>
internal sealed class TrajCompilerLimits
{
    public static TrajCompilerLimits Default { get; } = new(maxStates: 10_000, maxTransitions: 1_000_000);

    public TrajCompilerLimits(int maxStates, int maxTransitions)
    {
        MaxStates = maxStates;
        MaxTransitions = maxTransitions;
    }

    /// <summary>The most states the plan automaton may have, during construction and after.</summary>
    public int MaxStates { get; }

    /// <summary>The most transitions the final automaton may have (the decoder's limit too).</summary>
    public int MaxTransitions { get; }
}
