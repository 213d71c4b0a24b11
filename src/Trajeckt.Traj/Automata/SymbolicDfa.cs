namespace Trajeckt.Traj.Automata;

/// <summary>
/// A partial DFA whose states have explicit transitions for some tools and one default transition for
/// every other tool, so that wildcards cost one edge instead of one per tool until the final table.
/// </summary>
/// <remarks>
/// An explicit target of -1 refuses that tool even where the default would accept it; a default of -1
/// refuses every tool without an explicit transition. Explicit tools are ascending per state.
/// </remarks>
internal sealed class SymbolicDfa
{
    public SymbolicDfa(int start, bool[] accepting, int[][] explicitTools, int[][] explicitTargets, int[] defaultTargets)
    {
        Start = start;
        Accepting = accepting;
        ExplicitTools = explicitTools;
        ExplicitTargets = explicitTargets;
        DefaultTargets = defaultTargets;
    }

    /// <summary>The start state, or -1 when the language is empty.</summary>
    public int Start { get; }

    /// <summary>Whether each state accepts.</summary>
    public bool[] Accepting { get; }

    /// <summary>Per state: the tools with an explicit transition, ascending.</summary>
    public int[][] ExplicitTools { get; }

    /// <summary>Per state: the explicit transitions' targets, aligned with <see cref="ExplicitTools"/>.</summary>
    public int[][] ExplicitTargets { get; }

    /// <summary>Per state: where every other tool goes, or -1.</summary>
    public int[] DefaultTargets { get; }

    /// <summary>The number of states.</summary>
    public int StateCount => Accepting.Length;
}
