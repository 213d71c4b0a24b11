namespace Trajeckt.Traj.Semantics;

/// <summary>The outcome of one call in <see cref="StaticStepper"/>: the refusal, if any, and the state after an allowed call.</summary>
public readonly struct StaticStep
{
    internal StaticStep(StaticRefusal refusal, int label, StaticSessionState? next)
    {
        Refusal = refusal;
        Label = label;
        Next = next;
    }

    /// <summary>Why the call is refused, or <see cref="StaticRefusal.None"/> when it is allowed.</summary>
    public StaticRefusal Refusal { get; }

    /// <summary>Whether the call is allowed.</summary>
    public bool IsAllowed => Refusal == StaticRefusal.None;

    /// <summary>For a <see cref="StaticRefusal.Flow"/> refusal, the lowest index of a label that may not reach the tool; otherwise -1.</summary>
    public int Label { get; }

    /// <summary>The state after the allowed call; <see langword="null"/> when the call is refused (a refused call changes nothing and does not run).</summary>
    public StaticSessionState? Next { get; }
}
