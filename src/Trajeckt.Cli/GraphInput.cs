using Trajeckt.Replay;
using Trajeckt.Traj;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli;

/// <summary>
/// A compiled graph named on the command line: a Traj policy (compiled here, first trajectory unless one
/// is named), an encoded graph file (recognised by its magic bytes, decoded strictly), or an app's
/// assembly (recognised by its PE header; the graphs the generator recorded in it, read from metadata).
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
        if (AssemblyGraphs.LooksLikeAssembly(path))
            return Select(path, LoadAssembly(path, context), trajectoryName, context);
        var bytes = InputFile.Read(path, InputFile.MaxPolicyOrGraphBytes, "a policy or graph encoding", context);
        if (bytes is null)
            return null;
        return StartsWithMagic(bytes)
            ? LoadGraph(path, bytes, trajectoryName, context)
            : LoadPolicy(path, bytes, trajectoryName, context);
    }

    /// <summary>Every trajectory of the input (one for a graph file), or null after writing why not.</summary>
    public static IReadOnlyList<GraphInput>? LoadAll(string path, CliContext context)
    {
        if (AssemblyGraphs.LooksLikeAssembly(path))
        {
            var graphs = LoadAssembly(path, context);
            if (graphs is { Count: 0 })
                context.Fail($"{path}: the assembly records no trajectory graph");
            return graphs is { Count: > 0 } ? graphs : null;
        }
        var bytes = InputFile.Read(path, InputFile.MaxPolicyOrGraphBytes, "a policy or graph encoding", context);
        if (bytes is null)
            return null;
        if (StartsWithMagic(bytes))
            return LoadGraph(path, bytes, null, context) is { } graph ? [graph] : null;
        var compilation = CompilePolicy(path, bytes, context);
        return compilation?.Trajectories.Select(t => new GraphInput(t.Graph, t.Encoding, compilation.Diagnostics)).ToList();
    }

    /// <summary>The trajectory for the runtime's replay: the graph as if its seal had been verified.</summary>
    public CompiledTrajectory ToTrajectory() => new(Graph, Encoding, default);

    private static List<GraphInput>? LoadAssembly(string path, CliContext context)
    {
        if (!AssemblyGraphs.TryRead(path, out _, out var graphs, out var error))
        {
            context.Fail(error);
            return null;
        }
        return graphs.Select(g => new GraphInput(g.Graph, g.Encoding, Array.Empty<TrajDiagnostic>())).ToList();
    }

    private static GraphInput? Select(string path, List<GraphInput>? inputs, string? trajectoryName, CliContext context)
    {
        if (inputs is null)
            return null;
        if (inputs.Count == 0)
        {
            context.Fail($"{path}: the assembly records no trajectory graph");
            return null;
        }
        if (trajectoryName is null)
            return inputs[0];
        if (inputs.FirstOrDefault(i => string.Equals(i.Graph.Name, trajectoryName, StringComparison.Ordinal)) is { } named)
            return named;
        context.Fail($"{path}: no trajectory named '{DisplayText.Escape(trajectoryName)}' (the assembly has: {string.Join(", ", inputs.Select(i => i.Graph.Name))})");
        return null;
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
            context.Fail($"{path}: no trajectory named '{DisplayText.Escape(trajectoryName)}' (the file has: {known})");
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
