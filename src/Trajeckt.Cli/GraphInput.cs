using Trajeckt.Traj;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli;

/// <summary>
/// A compiled graph named on the command line: either a Traj policy (compiled here, first trajectory
/// unless one is named) or an encoded graph file (recognised by its magic bytes, decoded strictly).
/// </summary>
internal sealed class GraphInput
{
    private static readonly byte[] s_magic = "TRJG"u8.ToArray();

    private GraphInput(CompiledGraph graph, byte[] encoding, IReadOnlyList<TrajDiagnostic> warnings)
    {
        Graph = graph;
        Encoding = encoding;
        Digest = GraphDigest.Compute(encoding);
        Warnings = warnings;
    }

    public CompiledGraph Graph { get; }

    public byte[] Encoding { get; }

    public GraphDigest Digest { get; }

    /// <summary>The compiler's warnings when the input was a policy.</summary>
    public IReadOnlyList<TrajDiagnostic> Warnings { get; }

    /// <summary>Loads the input, or writes why it cannot (file(line,col) diagnostics) and returns null.</summary>
    public static GraphInput? Load(string path, string? trajectoryName, CliContext context)
    {
        var bytes = InputFile.Read(path, InputFile.MaxPolicyOrGraphBytes, "a policy or graph encoding", context);
        if (bytes is null)
            return null;
        return StartsWithMagic(bytes)
            ? LoadGraph(path, bytes, trajectoryName, context)
            : LoadPolicy(path, bytes, trajectoryName, context);
    }

    /// <summary>Compiles a policy file, writing its diagnostics; null when it has errors or cannot be read.</summary>
    public static TrajCompilation? CompilePolicy(string path, CliContext context)
    {
        var bytes = InputFile.Read(path, InputFile.MaxPolicyOrGraphBytes, "a policy", context);
        return bytes is null ? null : CompilePolicy(path, bytes, context);
    }

    private static TrajCompilation? CompilePolicy(string path, byte[] bytes, CliContext context)
    {
        var text = InputFile.DecodePolicy(path, bytes, context);
        if (text is null)
            return null;
        var compilation = TrajCompiler.Compile(text, path);
        foreach (var diagnostic in compilation.Diagnostics)
            context.Error.WriteLine(diagnostic.ToString());
        return compilation.Success ? compilation : null;
    }

    private static GraphInput? LoadPolicy(string path, byte[] bytes, string? trajectoryName, CliContext context)
    {
        var compilation = CompilePolicy(path, bytes, context);
        if (compilation is null)
            return null;
        if (compilation.Trajectories.Count == 0)
        {
            context.Fail($"{path}: the policy has no trajectory");
            return null;
        }
        CompiledTrajectory? trajectory;
        if (trajectoryName is null)
        {
            trajectory = compilation.Trajectories[0];
        }
        else if (!compilation.TryGetTrajectory(trajectoryName, out trajectory))
        {
            var known = string.Join(", ", compilation.Trajectories.Select(t => t.Name));
            context.Fail($"{path}: no trajectory named '{trajectoryName}' (the file has: {known})");
            return null;
        }
        return new GraphInput(trajectory.Graph, trajectory.Encoding, compilation.Diagnostics);
    }

    private static GraphInput? LoadGraph(string path, byte[] bytes, string? trajectoryName, CliContext context)
    {
        if (!GraphDecoder.TryDecode(bytes, out var graph, out var error))
        {
            context.Fail($"{path}(byte {error!.Offset}): {error.Message}");
            return null;
        }
        if (trajectoryName is not null && !string.Equals(trajectoryName, graph!.Name, StringComparison.Ordinal))
        {
            context.Fail($"{path}: the graph is trajectory '{graph.Name}', not '{trajectoryName}'");
            return null;
        }
        return new GraphInput(graph!, bytes, Array.Empty<TrajDiagnostic>());
    }

    private static bool StartsWithMagic(byte[] bytes) =>
        bytes.Length >= s_magic.Length && bytes.AsSpan(0, s_magic.Length).SequenceEqual(s_magic);
}
