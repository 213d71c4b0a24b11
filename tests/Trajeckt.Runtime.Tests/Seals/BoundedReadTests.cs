using Trajeckt.Sealing;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Runtime.Tests.Seals;

/// <summary>Graphs, seals and keys are read to at most their cap plus one byte, from streams and files alike.</summary>
public sealed class BoundedReadTests
{
    private static readonly OperatorKeyPair s_key = OperatorKeyPair.Generate();
    private static readonly TrustStore s_store = SealFixtures.Trusting(s_key);

    [Fact]
    public void An_endless_graph_stream_is_refused_after_the_cap_plus_one_byte()
    {
        var endless = new EndlessStream();
        var result = CommitmentLoader.Load(endless, new MemoryStream(), s_store);
        Assert.Equal(DecisionReason.SealInvalid, result.FailureReason);
        Assert.Contains($"larger than {GraphLimits.MaxEncodingBytes} bytes", result.FailureMessage);
        Assert.Equal(GraphLimits.MaxEncodingBytes + 1L, endless.BytesRead);
    }

    [Fact]
    public void An_endless_seal_stream_is_refused_after_64_KiB_plus_one_byte()
    {
        var endless = new EndlessStream();
        var result = CommitmentLoader.Load(new MemoryStream(SealFixtures.Encoding()), endless, s_store);
        Assert.Equal(DecisionReason.SealInvalid, result.FailureReason);
        Assert.StartsWith("malformed seal: the input is larger than 65536 bytes", result.FailureMessage);
        Assert.Equal(64 * 1024 + 1L, endless.BytesRead);
    }

    [Fact]
    public void A_graph_stream_at_the_cap_is_read_whole_and_verified()
    {
        // Exactly the cap is within the format's limit: it is read and reaches verification (and fails it).
        var result = CommitmentLoader.Load(new MemoryStream(new byte[GraphLimits.MaxEncodingBytes]), new MemoryStream(SealFile.Format(Sealer.Sign(SealFixtures.Encoding(), s_key))), s_store);
        Assert.Equal(DecisionReason.SealInvalid, result.FailureReason);
        Assert.Contains("digest mismatch", result.FailureMessage);
    }

    [Fact]
    public void Device_files_that_never_end_are_refused_as_graph_seal_and_key_files()
    {
        const string zero = "/dev/zero";
        Assert.True(File.Exists(zero), "the tests run on Unix");

        var load = CommitmentLoader.Load(zero, zero, s_store);
        Assert.Equal(DecisionReason.SealInvalid, load.FailureReason);
        Assert.Contains($"larger than {GraphLimits.MaxEncodingBytes} bytes", load.FailureMessage);

        var sealOnly = CommitmentLoader.LoadWithSealFile(SealFixtures.Encoding(), zero, s_store);
        Assert.Equal(DecisionReason.SealInvalid, sealOnly.FailureReason);
        Assert.Contains("larger than 65536 bytes", sealOnly.FailureMessage);

        Assert.False(SealFile.TryRead(zero, out _, out var sealError));
        Assert.Equal(SealingFormatErrorKind.Unreadable, sealError.Kind);
        Assert.False(PublicKeyFile.TryRead(zero, out _, out var publicError));
        Assert.Contains("larger than 65536 bytes", publicError.ToString());
        Assert.False(PrivateKeyFile.TryRead(zero, out _, out var privateError));
        Assert.Contains("larger than 65536 bytes", privateError.ToString());
    }
}
