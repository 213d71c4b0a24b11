using System.CommandLine;
using Trajeckt.Sealing;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Cli;

/// <summary>
/// <c>trajeckt verify GRAPH SEAL --trusted PUBKEY... [--trust-development]</c>: check a seal as the runtime
/// would. Exit 0 when it verifies, 1 when it is well-formed but does not verify, 2 for malformed input.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var graph = new Argument<string>("graph") { Description = "The encoded graph file, or a Traj policy (.traj) to compile." };
        var seal = new Argument<string>("seal") { Description = "The seal file." };
        var trusted = new Option<string[]>("--trusted")
        {
            Description = "A trusted public key: a .pub file or ed25519:<base64>. Repeat or list several.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var trustDevelopment = new Option<bool>("--trust-development") { Description = "Trust development keys too (never in production)." };
        var trajectory = new Option<string?>("--trajectory", "-t") { Description = "With a policy, the trajectory to verify (default: the first)." };
        var command = new Command("verify", "Verify a graph's seal against trusted operator keys.") { graph, seal, trusted, trustDevelopment, trajectory };
        command.SetAction(parse => Run(
            context, parse.GetValue(graph)!, parse.GetValue(seal)!, parse.GetValue(trusted)!, parse.GetValue(trustDevelopment), parse.GetValue(trajectory)));
        return command;
    }

    private static int Run(CliContext context, string graphPath, string sealPath, string[] trustedKeys, bool trustDevelopment, string? trajectoryName)
    {
        if (!SealFile.TryRead(sealPath, out var seal, out var sealError))
            return context.Fail(sealError.ToString());
        if (!TrustStore.TryLoad(trustedKeys, trustDevelopment, out var trustStore, out var trustError))
            return context.Fail(trustError);
        var encoding = ReadGraph(context, graphPath, trajectoryName);
        if (encoding is null)
            return CliApp.InvalidInput;

        var verification = SealVerifier.Verify(encoding, seal, trustStore);
        if (!verification.IsValid)
        {
            context.Error.WriteLine($"trajeckt: {sealPath}: seal does not verify: {verification.Message}");
            return CliApp.Failed;
        }
        // Decoded only once the seal vouches for the bytes, as the runtime does.
        if (!GraphDecoder.TryDecode(encoding, out var decoded, out var graphError))
            return context.Fail($"{graphPath}(byte {graphError.Offset}): the sealed bytes are not a graph: {graphError.Message}");
        context.Output.WriteLine($"{graphPath}: {verification.Message} (trajectory {decoded.Name})");
        return CliApp.Success;
    }

    // A policy is compiled (it is the operator's own source); a graph file is read as bytes, unparsed.
    private static byte[]? ReadGraph(CliContext context, string graphPath, string? trajectoryName)
    {
        if (graphPath.EndsWith(".traj", StringComparison.OrdinalIgnoreCase))
            return GraphInput.Load(graphPath, trajectoryName, context)?.Encoding;
        if (trajectoryName is not null)
        {
            context.Fail("--trajectory applies only to a policy (.traj), not to a graph file");
            return null;
        }
        return InputFile.Read(graphPath, GraphLimits.MaxEncodingBytes, "a graph encoding", context);
    }
}
