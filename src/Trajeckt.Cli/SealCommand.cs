using System.CommandLine;
using Trajeckt.Sealing;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli;

/// <summary>
/// <c>trajeckt seal POLICY.traj|GRAPH --key KEY [-o SEAL] [--trajectory NAME]</c>: sign a graph (a policy
/// is compiled first) with an operator's private key and write its seal file. Given an assembly, it seals
/// every graph compiled into it (<see cref="AssemblySeal"/>).
/// </summary>
internal static class SealCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("input") { Description = "A Traj policy (.traj), an encoded graph file, or an assembly whose compiled graphs to seal." };
        var key = new Option<string>("--key") { Description = "The operator's private key file (.key).", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "The seal file to write (default: the input path + .seal)." };
        var trajectory = new Option<string?>("--trajectory", "-t") { Description = "The policy's trajectory to seal (default: the first)." };
        var outputDirectory = new Option<string?>("--out-dir") { Description = "With an assembly, the folder for its seal files (default: the assembly's folder)." };
        var command = new Command("seal", "Seal a graph with an operator's private key.") { input, key, output, trajectory, outputDirectory };
        command.SetAction(parse => Run(context, parse.GetValue(input)!, parse.GetValue(key)!, parse.GetValue(output), parse.GetValue(trajectory), parse.GetValue(outputDirectory)));
        return command;
    }

    private static int Run(CliContext context, string inputPath, string keyPath, string? outputPath, string? trajectoryName, string? outputDirectory)
    {
        var isAssembly = AssemblyGraphs.LooksLikeAssembly(inputPath);
        if (isAssembly && (outputPath is not null || trajectoryName is not null))
            return context.Fail("an assembly is sealed whole: use --out-dir, not --output or --trajectory");
        if (!isAssembly && outputDirectory is not null)
            return context.Fail("--out-dir applies only to an assembly; use --output for a policy or graph");
        if (!PrivateKeyFile.TryRead(keyPath, out var keyPair, out var keyError))
            return context.Fail(keyError.ToString());
        using (keyPair)
        {
            if (isAssembly)
                return WarnIfDevelopment(context, keyPath, keyPair, AssemblySeal.Run(context, inputPath, keyPair, outputDirectory));
            var graph = GraphInput.Load(inputPath, trajectoryName, context);
            if (graph is null)
                return CliApp.InvalidInput;
            var sealPath = outputPath ?? inputPath + SealFile.Extension;
            // The sealer refuses bytes that do not decode; say so in one line rather than as an exception.
            if (!GraphDecoder.TryDecode(graph.Encoding, out _, out var graphError))
                return context.Fail($"{inputPath}: the graph cannot be sealed: it does not decode (byte {graphError.Offset}): {graphError.Message}");
            var seal = Sealer.Sign(graph.Encoding, keyPair);
            try
            {
                SealFile.Write(sealPath, seal);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return context.Fail($"{sealPath}: cannot write the seal: {ex.Message}");
            }
            context.Output.WriteLine($"sealed {graph.Graph.Name}: digest {seal.Digest}, key {seal.KeyId} -> {sealPath}");
            return WarnIfDevelopment(context, keyPath, keyPair, CliApp.Success);
        }
    }

    private static int WarnIfDevelopment(CliContext context, string keyPath, OperatorKeyPair keyPair, int exitCode)
    {
        if (exitCode == CliApp.Success && keyPair.IsDevelopment)
            context.Error.WriteLine($"trajeckt: warning: {keyPath} is a development key; the seal verifies only where development keys are trusted");
        return exitCode;
    }
}
