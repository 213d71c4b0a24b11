namespace Trajeckt.Generators.Model;

/// <summary>A tool of a compiled trajectory: its name, index in the graph, and the C# member that names it.</summary>
internal sealed record GraphToolSpec(string Name, int Index, string MemberName);

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
