namespace Trajeckt.Traj.Diff;

/// <summary>What a tool declared by both graphs has changed: its effects, its floor or its authorizer.</summary>
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

    /// <summary><c>effects</c>, <c>floor</c> or <c>authorizer</c>.</summary>
    public string Aspect { get; }

    /// <summary>The old value in Traj spelling (<c>no effects</c>, <c>none</c> for no floor).</summary>
    public string OldValue { get; }

    public string NewValue { get; }
}
