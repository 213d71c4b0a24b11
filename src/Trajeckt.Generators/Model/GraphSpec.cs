namespace Trajeckt.Generators.Model;

/// <summary>
/// A tool of a compiled trajectory: its name, the canonical text of its effects (its identity), index in the graph, the C# member that names it, whether a plan
/// of the trajectory allows it, and how a function is made of its [Tool] method (<see langword="null"/>: the
/// project has no method for it).
/// </summary>
internal sealed record GraphToolSpec(string Name, string Effects, int Index, string MemberName, bool IsPlanned, ToolFunctionSpec? Function);

/// <summary>One compiled trajectory, ready to emit: the canonical encoding and its digest.</summary>
internal sealed record TrajectorySpec(
    string Name,
    string ClassName,
    string SourceFile,
    string Digest,
    EquatableArray<byte> Encoding,
    EquatableArray<GraphToolSpec> Tools);

/// <summary>Everything the graph step produced: the trajectories and the diagnostics of policies and tools.</summary>
internal sealed record GraphSetSpec(
    string AssemblyName,
    EquatableArray<TrajectorySpec> Trajectories,
    EquatableArray<DiagnosticInfo> Diagnostics);
