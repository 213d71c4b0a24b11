using Trajeckt.Enforcement;
using Trajeckt.Traj.Graph;

namespace Trajeckt;

/// <summary>
/// An installed, verified trajectory commitment: a <see cref="CompiledGraph"/> whose seal verified,
/// its digest, and the enforcement tables sessions decide with. Commitments are created only by the
/// seal loader after verification; a session enforces exactly one.
/// </summary>
public sealed class Commitment
{
    private Commitment(CompiledGraph graph, GraphDigest digest)
    {
        Graph = graph;
        Digest = digest;
        Tables = new EnforcementTables(graph, this);
    }

    /// <summary>The trajectory's name.</summary>
    public string Name => Graph.Name;

    /// <summary>The verified graph.</summary>
    public CompiledGraph Graph { get; }

    /// <summary>The SHA-256 digest of the graph's canonical encoding, which the seal signs.</summary>
    public GraphDigest Digest { get; }

    internal EnforcementTables Tables { get; }

    /// <summary>Finds the handle of a declared tool by name (ordinal, case-sensitive).</summary>
    /// <param name="name">The tool's name.</param>
    /// <param name="tool">The tool's handle, or the default value when no such tool is declared.</param>
    /// <returns>Whether the graph declares the tool.</returns>
    public bool TryGetToolId(string? name, out ToolId tool)
    {
        if (name is not null && Graph.TryGetToolIndex(name, out var index))
        {
            tool = new ToolId(index, Graph.ToolArray[index].Name);
            return true;
        }
        tool = default;
        return false;
    }

    /// <summary>
    /// Installs a graph whose seal the caller has verified against <paramref name="encoding"/>. Only the
    /// seal loader, replay and tests call this: it performs no verification of its own.
    /// </summary>
    /// <param name="graph">The decoded graph.</param>
    /// <param name="encoding">The canonical encoding the graph was decoded from (its digest is the commitment's).</param>
    internal static Commitment FromVerifiedGraph(CompiledGraph graph, byte[] encoding)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(encoding);
        return new Commitment(graph, GraphDigest.Compute(encoding));
    }
}
