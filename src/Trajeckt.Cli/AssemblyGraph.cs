using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli;

/// <summary>A graph that the generator compiled into an assembly, decoded and checked against its attribute.</summary>
/// <param name="Trajectory">The trajectory's name, as the attribute and the graph both spell it.</param>
/// <param name="Encoding">The canonical graph encoding, the bytes a seal signs.</param>
/// <param name="Graph">The decoded graph.</param>
internal sealed record AssemblyGraph(string Trajectory, byte[] Encoding, CompiledGraph Graph);
