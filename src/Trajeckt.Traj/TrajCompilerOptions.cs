namespace Trajeckt.Traj;

/// <summary>What a compilation knows besides the policy text.</summary>
public sealed class TrajCompilerOptions
{
    /// <summary>Tools declared outside the policy (by C# attributes); every trajectory declares them.</summary>
    public IReadOnlyList<HostTool> HostTools { get; set; } = Array.Empty<HostTool>();
}
