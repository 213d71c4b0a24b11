using Trajeckt.Interception;
using Trajeckt.Sealing;

namespace Trajeckt.Cli;

/// <summary>
/// <c>trajeckt seal App.dll --key KEY [--out-dir DIR]</c>: seals every graph compiled into an assembly,
/// writing <c>&lt;Assembly&gt;.&lt;Trajectory&gt;.trajeckt.seal</c> where the generated <c>BeginSession</c>
/// looks for it (beside the assembly, unless DIR is given). This is what signing at build runs.
/// </summary>
internal static class AssemblySeal
{
    public static int Run(CliContext context, string assemblyPath, OperatorKeyPair keyPair, string? outputDirectory)
    {
        if (!AssemblyGraphs.TryRead(assemblyPath, out var assemblyName, out var graphs, out var error))
            return context.Fail(error);
        if (graphs.Count == 0)
        {
            // Nothing to protect is not an error: a project may reference Trajeckt before it declares tools.
            context.Output.WriteLine($"{assemblyPath}: no Trajeckt graph in assembly {assemblyName}; nothing to seal");
            return CliApp.Success;
        }
        var directory = outputDirectory ?? Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
        var targets = graphs.Select(g => (Graph: g, Path: Path.Combine(directory, SealFileNames.For(assemblyName, g.Trajectory)))).ToList();
        // Checked before anything is written: two names that map to one file would leave one graph unsealed.
        var clash = targets.GroupBy(t => t.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            return context.Fail($"{assemblyPath}: trajectories {string.Join(" and ", clash.Select(t => $"'{t.Graph.Trajectory}'"))} would share the seal file {Path.GetFileName(clash.Key)}; rename one");
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var (graph, path) in targets)
            {
                var seal = Sealer.Sign(graph.Encoding, keyPair);
                SealFile.Write(path, seal);
                context.Output.WriteLine($"sealed {graph.Trajectory}: digest {seal.Digest}, key {seal.KeyId} -> {path}");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return context.Fail($"{directory}: cannot write the seals: {ex.Message}");
        }
        return CliApp.Success;
    }
}
