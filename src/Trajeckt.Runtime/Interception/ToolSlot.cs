using System.ComponentModel;

namespace Trajeckt.Interception;

/// <summary>
/// A tool as one generated interceptor names it, remembering its <see cref="ToolId"/> in the last
/// commitment it was decided in, so the allowed path skips the look-up by name. A stale or foreign entry
/// is harmless: a session checks that the id's name matches its own tool at that index.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ToolSlot
{
    private Resolved? _resolved;

    /// <summary>Creates the slot of tool <paramref name="toolName"/>.</summary>
    /// <param name="toolName">The tool's name.</param>
    public ToolSlot(string toolName)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ToolName = toolName;
    }

    /// <summary>The tool's name.</summary>
    public string ToolName { get; }

    internal Decision Begin(TrajecktSession session)
    {
        var commitment = session.Commitment;
        if (commitment is null)
            return session.Begin(ToolName);
        var resolved = Volatile.Read(ref _resolved);
        if (resolved is null || !ReferenceEquals(resolved.Commitment, commitment))
        {
            if (!commitment.TryGetToolId(ToolName, out var id))
                return session.Begin(ToolName);
            // One allocation per commitment change, none on the steady path; racing writers store equal values.
            resolved = new Resolved(commitment, id);
            Volatile.Write(ref _resolved, resolved);
        }
        return session.Begin(resolved.Tool);
    }

    private sealed class Resolved(Commitment commitment, ToolId tool)
    {
        public Commitment Commitment { get; } = commitment;

        public ToolId Tool { get; } = tool;
    }
}
