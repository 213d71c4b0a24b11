namespace Trajeckt.Traj.Diff;

/// <summary>What a tool declared by both graphs has changed: its effects, floor, authorizer or pinned definition.</summary>
internal sealed class ToolChange
{
    public ToolChange(string tool, string aspect, string oldValue, string newValue)
    {
        Tool = tool;
        Aspect = aspect;
        OldValue = oldValue;
        NewValue = newValue;
    }

    public string Tool { get; }

    /// <summary><c>effects</c>, <c>floor</c>, <c>authorizer</c> or <c>pin</c>.</summary>
    public string Aspect { get; }

    /// <summary>The old value in Traj spelling (<c>no effects</c>, <c>none</c> for no floor or no pin).</summary>
    public string OldValue { get; }

    public string NewValue { get; }
}
