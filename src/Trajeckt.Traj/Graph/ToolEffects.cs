namespace Trajeckt.Traj.Graph;

/// <summary>The effect flags of a tool (docs/semantics.md). Labels, origin and floor are kept beside them.</summary>
[Flags]
public enum ToolEffects : byte
{
    /// <summary>No effect.</summary>
    None = 0,

    /// <summary><c>sensitive(...)</c>: the tool's output carries confidentiality labels.</summary>
    Sensitive = 1,

    /// <summary><c>sink(external)</c>: data leaves the trust boundary.</summary>
    ExternalSink = 2,

    /// <summary><c>sink(control)</c>: the tool writes something that later steers the agent.</summary>
    ControlSink = 4,

    /// <summary><c>shell</c>: the tool runs commands.</summary>
    Shell = 8,

    /// <summary><c>egress</c>: the tool opens network connections.</summary>
    Egress = 16,
}
