using Trajeckt.Traj.Graph;
using Trajeckt.Traj.IO;

namespace Trajeckt.Sealing;

/// <summary>
/// Loads a sealed commitment: verifies the seal against the graph encoding and the trust store, and
/// only then decodes the graph, so that untrusted bytes are never parsed. Never throws for bad input:
/// a missing seal is <see cref="DecisionReason.NoCommitment"/>; anything present but wrong (a malformed
/// seal, a digest mismatch, an untrusted key, a bad signature, a sealed graph that does not decode)
/// is <see cref="DecisionReason.SealInvalid"/> with a message that says which.
/// </summary>
public static class CommitmentLoader
{
    /// <summary>Verifies and loads a graph encoding with the bytes of its seal file.</summary>
    /// <param name="graphEncoding">The canonical graph encoding.</param>
    /// <param name="sealFile">The seal file's bytes, or <see langword="null"/> when there is no seal.</param>
    /// <param name="trustStore">The trusted operator keys.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graphEncoding"/> or <paramref name="trustStore"/> is <see langword="null"/>.</exception>
    public static CommitmentLoadResult Load(byte[] graphEncoding, byte[]? sealFile, TrustStore trustStore)
    {
        ArgumentNullException.ThrowIfNull(graphEncoding);
        ArgumentNullException.ThrowIfNull(trustStore);
        if (sealFile is null)
            return NoSeal("no seal was given");
        return SealFile.TryParse(sealFile, out var seal, out var error)
            ? Load(graphEncoding, seal, trustStore)
            : Invalid($"malformed seal: {error}");
    }

    /// <summary>Verifies and loads a graph file with its seal file.</summary>
    /// <param name="graphPath">The graph encoding's file.</param>
    /// <param name="sealPath">The seal file.</param>
    /// <param name="trustStore">The trusted operator keys.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static CommitmentLoadResult Load(string graphPath, string sealPath, TrustStore trustStore)
    {
        ArgumentNullException.ThrowIfNull(graphPath);
        ArgumentNullException.ThrowIfNull(sealPath);
        ArgumentNullException.ThrowIfNull(trustStore);
        if (!File.Exists(graphPath))
            return CommitmentLoadResult.Failure(DecisionReason.NoCommitment, $"no commitment: the graph file '{graphPath}' does not exist");
        if (!BoundedRead.TryReadFile(graphPath, GraphLimits.MaxEncodingBytes, "a graph encoding", out var graphEncoding, out var error))
            return Invalid($"cannot read the graph file '{graphPath}': {error}");
        return LoadWithSealFile(graphEncoding, sealPath, trustStore);
    }

    /// <summary>Verifies and loads a graph encoding (for example one compiled into the application) with a seal file.</summary>
    /// <param name="graphEncoding">The canonical graph encoding.</param>
    /// <param name="sealPath">The seal file.</param>
    /// <param name="trustStore">The trusted operator keys.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static CommitmentLoadResult LoadWithSealFile(byte[] graphEncoding, string sealPath, TrustStore trustStore)
    {
        ArgumentNullException.ThrowIfNull(graphEncoding);
        ArgumentNullException.ThrowIfNull(sealPath);
        ArgumentNullException.ThrowIfNull(trustStore);
        if (!File.Exists(sealPath))
            return NoSeal($"the seal file '{sealPath}' does not exist");
        return SealFile.TryRead(sealPath, out var seal, out var error)
            ? Load(graphEncoding, seal, trustStore)
            : Invalid($"malformed seal: {error}");
    }

    /// <summary>Verifies and loads a graph encoding and a seal file read from streams.</summary>
    /// <param name="graph">The graph encoding, read to its end but never past <see cref="GraphLimits.MaxEncodingBytes"/> plus one byte.</param>
    /// <param name="seal">The seal file, read to its end but never past 64 KiB plus one byte, or <see langword="null"/> when there is no seal.</param>
    /// <param name="trustStore">The trusted operator keys.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="trustStore"/> is <see langword="null"/>.</exception>
    public static CommitmentLoadResult Load(Stream graph, Stream? seal, TrustStore trustStore)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(trustStore);
        byte[] graphEncoding, sealFile;
        try
        {
            // Reads stop one byte past the format's cap, so an endless stream is refused, not buffered.
            if (!BoundedRead.TryReadToEnd(graph, GraphLimits.MaxEncodingBytes, out graphEncoding))
                return Invalid($"cannot read the graph: {BoundedRead.TooLarge(GraphLimits.MaxEncodingBytes, "a graph encoding")}");
            if (seal is null)
                return NoSeal("no seal was given");
            if (!BoundedRead.TryReadToEnd(seal, SealingFileIO.MaxFileBytes, out sealFile))
                return Invalid($"malformed seal: {BoundedRead.TooLarge(SealingFileIO.MaxFileBytes, "a seal file")}");
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException)
        {
            return Invalid($"cannot read the graph or seal: {ex.Message}");
        }
        return Load(graphEncoding, sealFile, trustStore);
    }

    private static CommitmentLoadResult Load(byte[] graphEncoding, Seal seal, TrustStore trustStore)
    {
        var verification = SealVerifier.Verify(graphEncoding, seal, trustStore);
        if (!verification.IsValid)
            return Invalid($"the seal does not verify: {verification.Message}");
        // Only now, with the bytes vouched for, is the graph parsed.
        if (!GraphDecoder.TryDecode(graphEncoding, out var graph, out var error))
            return Invalid($"the sealed graph does not decode ({error}); key {seal.KeyId} sealed bytes that are not a graph");
        try
        {
            return CommitmentLoadResult.Success(Commitment.FromVerifiedGraph(graph, graphEncoding));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Fail closed: a graph the runtime cannot install is refused, never half-installed or thrown at the caller.
            return Invalid($"the sealed graph could not be installed: {ex.Message}");
        }
    }

    private static CommitmentLoadResult NoSeal(string why) =>
        CommitmentLoadResult.Failure(DecisionReason.NoCommitment, $"no commitment: {why}; an unsealed graph is not trusted");

    private static CommitmentLoadResult Invalid(string message) =>
        CommitmentLoadResult.Failure(DecisionReason.SealInvalid, message);
}
