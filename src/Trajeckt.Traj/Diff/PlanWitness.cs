namespace Trajeckt.Traj.Diff;

/// <summary>
/// A shortest run on which two plans disagree: every call but the last is allowed by both plans, and the
/// last is allowed by one and refused by the other (or, for a completion witness, both allow every call and
/// only one considers the run complete).
/// </summary>
internal sealed class PlanWitness
{
    public PlanWitness(IReadOnlyList<string> calls, string? refusal)
    {
        Calls = calls;
        Refusal = refusal;
    }

    /// <summary>The tool calls of the run, in order (empty only for a completion witness).</summary>
    public IReadOnlyList<string> Calls { get; }

    /// <summary>
    /// Why the refusing policy refuses the last call: <c>unknown_tool</c> when it does not declare the tool,
    /// else <c>transition</c>; <see langword="null"/> for a completion witness.
    /// </summary>
    public string? Refusal { get; }

    /// <summary>The calls separated by spaces, or <c>(the empty run)</c>.</summary>
    public override string ToString() => Calls.Count == 0 ? "(the empty run)" : string.Join(" ", Calls);
}
