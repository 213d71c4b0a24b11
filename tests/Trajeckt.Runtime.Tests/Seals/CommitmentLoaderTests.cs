using CsCheck;
using Trajeckt.Sealing;

namespace Trajeckt.Runtime.Tests.Seals;

public sealed class CommitmentLoaderTests
{
    private static readonly OperatorKeyPair s_key = OperatorKeyPair.Generate();
    private static readonly TrustStore s_store = SealFixtures.Trusting(s_key);

    [Fact]
    public void A_sealed_graph_loads_as_a_commitment()
    {
        var encoding = SealFixtures.Encoding(4);
        var result = CommitmentLoader.Load(encoding, SealFile.Format(Sealer.Sign(encoding, s_key)), s_store);
        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(Trajeckt.Traj.Graph.GraphDigest.Compute(encoding), result.Commitment.Digest);
        Assert.Equal(4, result.Commitment.Graph.Tools.Count);
        Assert.Equal(DecisionReason.None, result.FailureReason);
    }

    [Fact]
    public void No_seal_is_no_commitment()
    {
        var result = CommitmentLoader.Load(SealFixtures.Encoding(), null, s_store);
        Assert.False(result.Succeeded);
        Assert.Equal(DecisionReason.NoCommitment, result.FailureReason);
    }

    [Theory]
    [InlineData("", "malformed seal")]
    [InlineData("{\"version\":1}", "malformed seal: a seal file needs the field")]
    public void A_malformed_seal_is_seal_invalid(string sealText, string messagePart)
    {
        var result = CommitmentLoader.Load(SealFixtures.Encoding(), System.Text.Encoding.UTF8.GetBytes(sealText), s_store);
        Assert.Equal(DecisionReason.SealInvalid, result.FailureReason);
        Assert.Contains(messagePart, result.FailureMessage);
    }

    [Fact]
    public void Each_verification_failure_is_seal_invalid_and_says_which()
    {
        using var stranger = OperatorKeyPair.Generate();
        var encoding = SealFixtures.Encoding();
        var untrusted = CommitmentLoader.Load(encoding, SealFile.Format(Sealer.Sign(encoding, stranger)), s_store);
        Assert.Equal(DecisionReason.SealInvalid, untrusted.FailureReason);
        Assert.Contains("untrusted key", untrusted.FailureMessage);

        var mismatch = CommitmentLoader.Load(SealFixtures.Encoding(7), SealFile.Format(Sealer.Sign(encoding, s_key)), s_store);
        Assert.Equal(DecisionReason.SealInvalid, mismatch.FailureReason);
        Assert.Contains("digest mismatch", mismatch.FailureMessage);
    }

    [Fact]
    public void A_validly_sealed_non_graph_is_seal_invalid()
    {
        byte[] garbage = [0x54, 0x52, 0x4A, 0x47, 0xFF];
        var result = CommitmentLoader.Load(garbage, SealFile.Format(SealFixtures.SealAnyBytes(garbage, s_key)), s_store);
        Assert.Equal(DecisionReason.SealInvalid, result.FailureReason);
        Assert.Contains("does not decode", result.FailureMessage);
    }

    [Fact]
    public void Untrusted_bytes_are_refused_before_they_are_decoded()
    {
        using var stranger = OperatorKeyPair.Generate();
        byte[] garbage = [0x54, 0x52, 0x4A, 0x47, 0xFF];
        var result = CommitmentLoader.Load(garbage, SealFile.Format(SealFixtures.SealAnyBytes(garbage, stranger)), s_store);
        Assert.Equal(DecisionReason.SealInvalid, result.FailureReason);
        Assert.Contains("untrusted key", result.FailureMessage);
        Assert.DoesNotContain("decode", result.FailureMessage);
    }

    [Fact]
    public void Flipping_any_bit_of_a_small_graph_is_refused()
    {
        var encoding = SealFixtures.Encoding(2);
        var seal = SealFile.Format(Sealer.Sign(encoding, s_key));
        for (var bit = 0; bit < encoding.Length * 8; bit++)
        {
            var result = CommitmentLoader.Load(SealFixtures.Flip(encoding, bit), seal, s_store);
            Assert.Equal(DecisionReason.SealInvalid, result.FailureReason);
            Assert.Contains("digest mismatch", result.FailureMessage);
        }
    }

    [Fact]
    public void Flipping_any_bit_of_a_larger_graph_is_refused()
    {
        var encoding = SealFixtures.Encoding(200);
        var seal = SealFile.Format(Sealer.Sign(encoding, s_key));
        Gen.Int[0, encoding.Length * 8 - 1].Sample(bit =>
            CommitmentLoader.Load(SealFixtures.Flip(encoding, bit), seal, s_store).FailureReason == DecisionReason.SealInvalid,
            iter: 300);
    }

    [Fact]
    public void Flipping_any_bit_of_the_seal_file_is_refused()
    {
        var encoding = SealFixtures.Encoding(3);
        var seal = SealFile.Format(Sealer.Sign(encoding, s_key));
        Assert.True(CommitmentLoader.Load(encoding, seal, s_store).Succeeded);
        for (var bit = 0; bit < seal.Length * 8; bit++)
        {
            var result = CommitmentLoader.Load(encoding, SealFixtures.Flip(seal, bit), s_store);
            Assert.True(result.FailureReason == DecisionReason.SealInvalid, $"bit {bit} (byte {bit / 8}, '{(char)seal[bit / 8]}'): {result.FailureMessage ?? "loaded"}");
        }
    }

    [Fact]
    public void Files_load_and_a_missing_seal_file_is_no_commitment()
    {
        using var folder = new TempFolder();
        var encoding = SealFixtures.Encoding();
        File.WriteAllBytes(folder.File("g.trjg"), encoding);
        Assert.Equal(DecisionReason.NoCommitment, CommitmentLoader.Load(folder.File("g.trjg"), folder.File("g.trjg.seal"), s_store).FailureReason);
        Assert.Equal(DecisionReason.NoCommitment, CommitmentLoader.Load(folder.File("absent"), folder.File("g.trjg.seal"), s_store).FailureReason);

        SealFile.Write(folder.File("g.trjg.seal"), Sealer.Sign(encoding, s_key));
        Assert.True(CommitmentLoader.Load(folder.File("g.trjg"), folder.File("g.trjg.seal"), s_store).Succeeded);
        Assert.True(CommitmentLoader.LoadWithSealFile(encoding, folder.File("g.trjg.seal"), s_store).Succeeded);
    }

    [Fact]
    public void A_malformed_seal_file_names_the_file()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("g.seal"), "{\"version\":1,\"digest\":true}");
        var result = CommitmentLoader.LoadWithSealFile(SealFixtures.Encoding(), folder.File("g.seal"), s_store);
        Assert.Equal(DecisionReason.SealInvalid, result.FailureReason);
        Assert.Equal($"malformed seal: {folder.File("g.seal")}(1,23): the field 'digest' of a seal file must be a string", result.FailureMessage);
    }

    [Fact]
    public void Streams_load_and_an_oversized_seal_stream_is_refused()
    {
        var encoding = SealFixtures.Encoding();
        var seal = SealFile.Format(Sealer.Sign(encoding, s_key));
        Assert.True(CommitmentLoader.Load(new MemoryStream(encoding), new MemoryStream(seal), s_store).Succeeded);
        Assert.Equal(DecisionReason.NoCommitment, CommitmentLoader.Load(new MemoryStream(encoding), null, s_store).FailureReason);
        var huge = new MemoryStream(new byte[10 * 1024 * 1024]);
        Assert.Equal(DecisionReason.SealInvalid, CommitmentLoader.Load(new MemoryStream(encoding), huge, s_store).FailureReason);
    }
}
