using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj;

/// <summary>One compiled trajectory: its graph, the graph's canonical encoding and its digest.</summary>
public sealed class CompiledTrajectory
{
    private readonly byte[] _encoding;

    internal CompiledTrajectory(CompiledGraph graph, byte[] encoding, SourceLocation location)
    {
        Graph = graph;
        _encoding = encoding;
        Digest = GraphDigest.Compute(encoding);
        Location = location;
    }

    /// <summary>The trajectory's name.</summary>
    public string Name => Graph.Name;

    /// <summary>The compiled graph.</summary>
    public CompiledGraph Graph { get; }

    /// <summary>A copy of the canonical encoding (what a seal signs).</summary>
    public byte[] Encoding => (byte[])_encoding.Clone();

    /// <summary>SHA-256 of <see cref="Encoding"/>.</summary>
    public GraphDigest Digest { get; }

    /// <summary>Where the trajectory's name stands in the policy.</summary>
    public SourceLocation Location { get; }
}
