namespace Trajeckt;

/// <summary>Tool identity (docs/mediation.md): a call is decided only as the very tool its call site was compiled for.</summary>
public sealed partial class TrajecktSession
{
    /// <summary>
    /// Refuses a call of <paramref name="toolName"/> as <c>unknown_tool</c> because the session's graph does not declare
    /// that very tool (same name and effects); the refusal is recorded, audited and can halt like any other.
    /// </summary>
    internal Decision RefuseForeignTool(string toolName, string message) => Decide(toolName, -1, message);
}
