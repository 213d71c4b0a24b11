namespace Trajeckt.Traj.Automata;

/// <summary>
/// The plan automaton in the form a <c>CompiledGraph</c> stores it: minimal, without dead or
/// unreachable states, start state 0, states in canonical breadth-first order, transitions as
/// compressed sparse rows sorted by tool index.
/// </summary>
internal sealed class PlanDfa
{
    public PlanDfa(bool[] accepting, int[] transitionStart, int[] transitionTool, int[] transitionTarget)
    {
        Accepting = accepting;
        TransitionStart = transitionStart;
        TransitionTool = transitionTool;
        TransitionTarget = transitionTarget;
    }

    /// <summary>Whether each state accepts.</summary>
    public bool[] Accepting { get; }

    /// <summary>Row starts: state s's transitions are at [TransitionStart[s], TransitionStart[s+1]).</summary>
    public int[] TransitionStart { get; }

    /// <summary>Each transition's tool index, ascending within a row.</summary>
    public int[] TransitionTool { get; }

    /// <summary>Each transition's target state.</summary>
    public int[] TransitionTarget { get; }

    /// <summary>The number of states.</summary>
    public int StateCount => Accepting.Length;

    /// <summary>The number of transitions.</summary>
    public int TransitionCount => TransitionTool.Length;

    /// <summary>The state reached from <paramref name="state"/> by <paramref name="tool"/>, or -1 when the plan refuses it.</summary>
    public int Step(int state, int tool)
    {
        var index = Array.BinarySearch(TransitionTool, TransitionStart[state], TransitionStart[state + 1] - TransitionStart[state], tool);
        return index >= 0 ? TransitionTarget[index] : -1;
    }
}
