using System.CommandLine;
using Trajeckt.Sealing;

namespace Trajeckt.Cli;

/// <summary>
/// <c>trajeckt seal POLICY.traj|GRAPH --key KEY [-o SEAL] [--trajectory NAME]</c>: sign a graph (a policy
/// is compiled first) with an operator's private key and write its seal file.
/// </summary>
internal static class SealCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("input") { Description = "A Traj policy (.traj) or an encoded graph file." };
        var key = new Option<string>("--key") { Description = "The operator's private key file (.key).", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "The seal file to write (default: the input path + .seal)." };
        var trajectory = new Option<string?>("--trajectory", "-t") { Description = "The policy's trajectory to seal (default: the first)." };
        var command = new Command("seal", "Seal a graph with an operator's private key.") { input, key, output, trajectory };
        command.SetAction(parse => Run(context, parse.GetValue(input)!, parse.GetValue(key)!, parse.GetValue(output), parse.GetValue(trajectory)));
        return command;
    }

    private static int Run(CliContext context, string inputPath, string keyPath, string? outputPath, string? trajectoryName)
    {
        if (!PrivateKeyFile.TryRead(keyPath, out var keyPair, out var keyError))
            return context.Fail(keyError.ToString());
        using (keyPair)
        {
            var graph = GraphInput.Load(inputPath, trajectoryName, context);
            if (graph is null)
                return CliApp.InvalidInput;
            var sealPath = outputPath ?? inputPath + SealFile.Extension;
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
            if (keyPair.IsDevelopment)
                context.Error.WriteLine($"trajeckt: warning: {keyPath} is a development key; the seal verifies only where development keys are trusted");
            return CliApp.Success;
        }
    }
}
