using System.ComponentModel;
using Trajeckt.Traj;

namespace Trajeckt.Interception;

/// <summary>
/// A tool as one generated interceptor names it: its name and its effects as its declaration compiled them
/// (<see cref="ToolIdentity"/>). A session decides the call only if its graph declares that very tool, the same
/// name with the same effects (docs/mediation.md); any other call is refused <c>unknown_tool</c>, so a tool of a
/// referenced library is never decided as the app's tool of the same name. The slot remembers the outcome per
/// commitment, so the allowed path skips the look-up by name and the comparison.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ToolSlot
{
    private Resolved? _resolved;

    /// <summary>Creates the slot of tool <paramref name="toolName"/> with <paramref name="effects"/>.</summary>
    /// <param name="toolName">The tool's name.</param>
    /// <param name="effects">The canonical text of the tool's effects (<see cref="ToolIdentity.Describe"/>).</param>
    public ToolSlot(string toolName, string effects)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(effects);
        ToolName = toolName;
        Effects = effects;
    }

    /// <summary>The tool's name.</summary>
    public string ToolName { get; }

    /// <summary>The canonical text of the tool's effects, as the call site was compiled.</summary>
    public string Effects { get; }

    internal Decision Begin(TrajecktSession session)
    {
        var resolved = Resolve(session);
        if (resolved is null)
            return session.Begin(ToolName);
        return resolved.Refusal is null ? session.Begin(resolved.Tool) : session.RefuseForeignTool(ToolName, resolved.Refusal);
    }

    /// <summary>The refusal of a call of this tool in <paramref name="session"/> because its graph does not declare this very tool, if so.</summary>
    internal bool IsForeign(TrajecktSession session, out string refusal)
    {
        refusal = Resolve(session)?.Refusal!;
        return refusal is not null;
    }

    // Null without a commitment: a heuristic or refusing session decides by name.
    private Resolved? Resolve(TrajecktSession session)
    {
        var commitment = session.Commitment;
        if (commitment is null)
            return null;
        var resolved = Volatile.Read(ref _resolved);
        if (resolved is null || !ReferenceEquals(resolved.Commitment, commitment))
        {
            // One allocation per commitment change, none on the steady path; racing writers store equal values.
            resolved = commitment.TryGetToolId(ToolName, out var id)
                ? new Resolved(commitment, id, Mismatch(commitment, id))
                : new Resolved(commitment, default, Undeclared(commitment));
            Volatile.Write(ref _resolved, resolved);
        }
        return resolved;
    }

    private string? Mismatch(Commitment commitment, ToolId id)
    {
        var declared = ToolIdentity.Of(commitment.Graph, id.Index);
        return string.Equals(declared, Effects, StringComparison.Ordinal)
            ? null
            : $"unknown_tool: this call of '{ToolName}' was compiled for a tool '{ToolName}' with effects '{Effects}', but trajectory '{commitment.Name}' declares '{ToolName}' with effects '{declared}', so it is not the same tool.";
    }

    private string Undeclared(Commitment commitment) =>
        $"unknown_tool: this call of '{ToolName}' was compiled for a tool '{ToolName}' with effects '{Effects}', but trajectory '{commitment.Name}' declares no tool '{ToolName}'.";

    private sealed class Resolved(Commitment commitment, ToolId tool, string? refusal)
    {
        public Commitment Commitment { get; } = commitment;

        public ToolId Tool { get; } = tool;

        public string? Refusal { get; } = refusal;
    }
}
