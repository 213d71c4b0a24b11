namespace Trajeckt.Traj.Graph;

/// <summary>A decoded plan automaton before its canonical form is checked, with where it starts in the bytes.</summary>
internal sealed class PlanTable
{
    public PlanTable(int offset, bool[] accepting, int[] transitionStart, int[] transitionTool, int[] transitionTarget)
    {
        Offset = offset;
        Accepting = accepting;
        TransitionStart = transitionStart;
        TransitionTool = transitionTool;
        TransitionTarget = transitionTarget;
    }

    /// <summary>The offset of the state count in the encoding, where errors about the whole automaton point.</summary>
    public int Offset { get; }

    public bool[] Accepting { get; }

    public int[] TransitionStart { get; }

    public int[] TransitionTool { get; }

    public int[] TransitionTarget { get; }

    public int StateCount => Accepting.Length;
}
