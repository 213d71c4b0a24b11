namespace Trajeckt.Traj.Semantics;

/// <summary>Why <see cref="StaticStepper"/> found a call refused: the checks 5 to 7 of docs/semantics.md, in their order.</summary>
public enum StaticRefusal
{
    /// <summary>The call passes checks 5 to 7.</summary>
    None,

    /// <summary>Check 5 (<c>transition</c>): the plan does not allow the tool at the frontier.</summary>
    Transition,

    /// <summary>Check 6 (<c>flow</c>): a label in the taint may not reach this external sink or egress tool.</summary>
    Flow,

    /// <summary>Check 7 (<c>floor</c>): the integrity is below the tool's floor and no authorization is pending.</summary>
    Floor,
}
