namespace Trajeckt.Traj.Graph;

/// <summary>
/// Hard size limits of the CompiledGraph format. <see cref="GraphDecoder"/> rejects larger inputs before
/// allocating for them, and the compiler refuses to build graphs that would exceed them.
/// </summary>
public static class GraphLimits
{
    /// <summary>The largest encoding accepted, in bytes (64 MiB).</summary>
    public const int MaxEncodingBytes = 64 * 1024 * 1024;

    /// <summary>The longest name (trajectory, tool or label), in UTF-8 bytes (1 MiB).</summary>
    public const int MaxNameBytes = 1024 * 1024;

    /// <summary>The most tools a graph declares.</summary>
    public const int MaxTools = 100_000;

    /// <summary>The most labels a graph declares.</summary>
    public const int MaxLabels = 100_000;

    /// <summary>The most states of the plan automaton.</summary>
    public const int MaxStates = 1_000_000;

    /// <summary>The most transitions of the plan automaton, over all states.</summary>
    public const int MaxTransitions = 1_000_000;
}
