using System.Text;
using Microsoft.Extensions.Logging;
using Trajeckt.Sealing;
using Trajeckt.Traj;
using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Gateway.Commitments;

/// <summary>
/// What the gateway enforces: a verified <see cref="Commitment"/> (auto or operator), or heuristic mode
/// over the inferred effects; plus the inference per tool, which start-up prints and an endpoint serves.
/// </summary>
internal sealed class GatewayCommitment
{
    private readonly IReadOnlyDictionary<string, Traj.Graph.ToolEffects> _heuristicEffects;

    private GatewayCommitment(Commitment? commitment, string source, IReadOnlyList<InferredTool> inferred, string? policyText)
    {
        Commitment = commitment;
        Source = source;
        Inferred = inferred;
        PolicyText = policyText;
        _heuristicEffects = inferred.ToDictionary(t => t.Tool.Name, t => t.Tool.Effects, StringComparer.Ordinal);
    }

    /// <summary>The verified commitment, or <see langword="null"/> in heuristic mode.</summary>
    public Commitment? Commitment { get; }

    /// <summary>Where it comes from, e.g. <c>auto-commitment sealed at start with key 0123...</c>.</summary>
    public string Source { get; }

    /// <summary>Each offered tool's effects and how they were derived (empty for an operator commitment).</summary>
    public IReadOnlyList<InferredTool> Inferred { get; }

    /// <summary>The operator's policy text, when there is one.</summary>
    public string? PolicyText { get; }

    /// <summary>Starts the enforcement of one MCP session: a fresh Trajeckt session of this commitment.</summary>
    public TrajecktSession CreateSession(TrajecktOptions options, ILoggerFactory loggerFactory) =>
        Commitment is not null
            ? TrajecktSession.Create(Commitment, options, loggerFactory)
            : TrajecktSession.CreateHeuristic(_heuristicEffects, options, loggerFactory);

    /// <summary>
    /// Derives every tool's effects (rule or override), compiles them with the Traj compiler together with a
    /// pin of every definition read at start, seals the graph with a key made now, and loads it through the
    /// same verification as an operator's seal.
    /// </summary>
    public static GatewayCommitment Auto(string trajectoryName, IReadOnlyList<InferredTool> inferred, IReadOnlyList<ToolDefinition> pinned)
    {
        var text = new StringBuilder().Append("trajectory ").Append(TrajFormatter.FormatName(trajectoryName)).Append(" {\n");
        foreach (var definition in pinned)
            text.Append("  ").Append(definition.PinLine).Append('\n');
        text.Append("}\n");
        var compilation = TrajCompiler.Compile(text.ToString(), "<auto-commitment>", new TrajCompilerOptions { HostTools = inferred.Select(t => t.Tool).ToArray() });
        if (!compilation.Success)
            throw new GatewayStartException(compilation.Diagnostics.Where(d => d.IsError).Select(d => $"auto-commitment: {d.Code} {d.Message}").ToArray());
        var encoding = compilation.Trajectories[0].Encoding;
        using var key = OperatorKeyPair.Generate();
        var seal = SealFile.Format(Sealer.Sign(encoding, key));
        var load = CommitmentLoader.Load(encoding, seal, new TrustStore(new[] { key.PublicKey }));
        if (!load.Succeeded)
            throw new GatewayStartException($"auto-commitment: {load.FailureMessage}");
        return new GatewayCommitment(load.Commitment, $"auto-commitment sealed at start with key {key.KeyId}", inferred, null);
    }

    /// <summary>Compiles the operator's policy and verifies its seal with the operator's trusted keys only.</summary>
    public static GatewayCommitment Operator(string policyPath, string sealPath, string? trajectory, TrajecktOptions options)
    {
        string text;
        try
        {
            text = File.ReadAllText(policyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GatewayStartException($"Gateway:Policy: cannot read '{policyPath}': {e.Message}");
        }
        var compilation = TrajCompiler.Compile(text, policyPath);
        if (!compilation.Success)
            throw new GatewayStartException(compilation.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToArray());
        CompiledTrajectory? compiled;
        if (trajectory is null)
        {
            if (compilation.Trajectories.Count != 1)
                throw new GatewayStartException($"Gateway:Trajectory: '{policyPath}' holds {compilation.Trajectories.Count} trajectories; name the one to enforce.");
            compiled = compilation.Trajectories[0];
        }
        else if (!compilation.TryGetTrajectory(trajectory, out compiled))
        {
            throw new GatewayStartException($"Gateway:Trajectory: '{policyPath}' has no trajectory '{trajectory}'.");
        }
        if (!TrustStore.TryFromOptions(options, out var trustStore, out var keyError))
            throw new GatewayStartException($"Trajeckt:TrustedKeys: {keyError}");
        var load = CommitmentLoader.LoadWithSealFile(compiled.Encoding, sealPath, trustStore);
        if (!load.Succeeded)
            throw new GatewayStartException($"Gateway:Seal: {load.FailureMessage}");
        return new GatewayCommitment(load.Commitment, $"operator policy '{policyPath}' sealed by a trusted key", Array.Empty<InferredTool>(), text);
    }

    /// <summary>No commitment: heuristic mode over the inferred effects (explicitly allowed by the options).</summary>
    public static GatewayCommitment Heuristic(IReadOnlyList<InferredTool> inferred) =>
        new(null, "heuristic mode (no commitment)", inferred, null);

    /// <summary>The <c>trajeckt inspect</c>-style listing served at the commitment endpoint.</summary>
    public string Describe()
    {
        using var output = new StringWriter();
        output.WriteLine(Source);
        if (Inferred.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"inferred ({Inferred.Count} tools):");
            var width = Inferred.Max(t => t.Tool.Name.Length);
            foreach (var tool in Inferred)
                output.WriteLine($"  {tool.Tool.Name.PadRight(width)}  {DescribeEffects(tool.Tool)}  <- {tool.Source}");
        }
        if (Commitment is not null)
        {
            output.WriteLine();
            GraphListing.Write(Commitment.Graph, Commitment.Digest, output);
        }
        return output.ToString();
    }

    public static string DescribeEffects(HostTool tool) => GraphListing.DescribeEffects(tool.Effects, tool.Labels, tool.Origin);
}
