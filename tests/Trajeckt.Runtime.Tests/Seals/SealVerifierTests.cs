using CsCheck;
using Trajeckt.Sealing;

namespace Trajeckt.Runtime.Tests.Seals;

public sealed class SealVerifierTests
{
    private static readonly byte[] s_encoding = SealFixtures.Encoding(5);

    [Fact]
    public void A_seal_verifies_with_its_own_trusted_key()
    {
        using var key = OperatorKeyPair.Generate();
        var result = SealVerifier.Verify(s_encoding, Sealer.Sign(s_encoding, key), SealFixtures.Trusting(key));
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(SealVerificationStatus.Valid, result.Status);
        Assert.Contains(key.KeyId, result.Message);
    }

    [Fact]
    public void A_seal_does_not_verify_with_another_key_that_claims_its_id()
    {
        using var signer = OperatorKeyPair.Generate();
        using var trusted = OperatorKeyPair.Generate();
        var forged = SealFixtures.SealAnyBytes(s_encoding, signer);
        // The seal names the trusted key's id, but the signature is the signer's.
        var relabelled = new Seal(forged.Digest, trusted.KeyId, forged.GetSignature());
        var result = SealVerifier.Verify(s_encoding, relabelled, SealFixtures.Trusting(trusted));
        Assert.Equal(SealVerificationStatus.BadSignature, result.Status);
        Assert.StartsWith("bad signature", result.Message);
    }

    [Fact]
    public void A_seal_by_an_untrusted_key_does_not_verify()
    {
        using var signer = OperatorKeyPair.Generate();
        using var trusted = OperatorKeyPair.Generate();
        var result = SealVerifier.Verify(s_encoding, Sealer.Sign(s_encoding, signer), SealFixtures.Trusting(trusted));
        Assert.Equal(SealVerificationStatus.UntrustedKey, result.Status);
        Assert.Contains(signer.KeyId, result.Message);
    }

    [Fact]
    public void An_empty_trust_store_trusts_nothing()
    {
        using var signer = OperatorKeyPair.Generate();
        var result = SealVerifier.Verify(s_encoding, Sealer.Sign(s_encoding, signer), new TrustStore([]));
        Assert.Equal(SealVerificationStatus.UntrustedKey, result.Status);
    }

    [Fact]
    public void A_development_key_verifies_only_where_development_keys_are_trusted()
    {
        using var key = OperatorKeyPair.Generate(isDevelopment: true);
        var seal = Sealer.Sign(s_encoding, key);
        var refused = SealVerifier.Verify(s_encoding, seal, new TrustStore([key.PublicKey], trustDevelopmentKeys: false));
        Assert.Equal(SealVerificationStatus.DevelopmentKeyNotTrusted, refused.Status);
        Assert.Equal(
            $"development key not trusted: the seal was made with development key {key.KeyId}, and development keys are not trusted here; "
            + "for a development build, set TrajecktOptions.TrustDevelopmentKeys = true (trajeckt verify: --trust-development). "
            + "Never set it in production: seal release builds with an operator key (trajeckt seal --key) instead",
            refused.Message);
        var accepted = SealVerifier.Verify(s_encoding, seal, new TrustStore([key.PublicKey], trustDevelopmentKeys: true));
        Assert.True(accepted.IsValid, accepted.Message);
    }

    [Fact]
    public void Trusting_development_keys_does_not_change_production_keys()
    {
        using var key = OperatorKeyPair.Generate();
        var seal = Sealer.Sign(s_encoding, key);
        Assert.True(SealVerifier.Verify(s_encoding, seal, new TrustStore([key.PublicKey], trustDevelopmentKeys: true)).IsValid);
    }

    [Fact]
    public void A_changed_graph_is_a_digest_mismatch()
    {
        using var key = OperatorKeyPair.Generate();
        var seal = Sealer.Sign(s_encoding, key);
        var result = SealVerifier.Verify(SealFixtures.Encoding(6), seal, SealFixtures.Trusting(key));
        Assert.Equal(SealVerificationStatus.DigestMismatch, result.Status);
        Assert.StartsWith("digest mismatch", result.Message);
    }

    [Fact]
    public void Flipping_any_bit_of_the_signature_is_refused()
    {
        using var key = OperatorKeyPair.Generate();
        var seal = Sealer.Sign(s_encoding, key);
        var store = SealFixtures.Trusting(key);
        var signature = seal.GetSignature();
        Gen.Int[0, Seal.SignatureLength * 8 - 1].Sample(bit =>
        {
            var tampered = new Seal(seal.Digest, seal.KeyId, SealFixtures.Flip(signature, bit));
            return SealVerifier.Verify(s_encoding, tampered, store).Status == SealVerificationStatus.BadSignature;
        }, iter: 200);
    }

    [Fact]
    public void Flipping_any_bit_of_the_digest_is_refused()
    {
        using var key = OperatorKeyPair.Generate();
        var seal = Sealer.Sign(s_encoding, key);
        var store = SealFixtures.Trusting(key);
        var digest = seal.Digest.ToArray();
        for (var bit = 0; bit < digest.Length * 8; bit++)
        {
            var tampered = new Seal(Trajeckt.Traj.Graph.GraphDigest.FromBytes(SealFixtures.Flip(digest, bit)), seal.KeyId, seal.GetSignature());
            Assert.Equal(SealVerificationStatus.DigestMismatch, SealVerifier.Verify(s_encoding, tampered, store).Status);
        }
    }

    [Fact]
    public void A_signature_over_the_right_digest_with_another_domain_is_refused()
    {
        using var key = OperatorKeyPair.Generate();
        var digest = Trajeckt.Traj.Graph.GraphDigest.Compute(s_encoding);
        // A signature over the bare digest (no "trajeckt-seal-v1\0" prefix) must not pass as a seal.
        var bare = NSec.Cryptography.SignatureAlgorithm.Ed25519.Sign(key.PrivateKey, digest.ToArray());
        var result = SealVerifier.Verify(s_encoding, new Seal(digest, key.KeyId, bare), SealFixtures.Trusting(key));
        Assert.Equal(SealVerificationStatus.BadSignature, result.Status);
    }

    [Fact]
    public void The_sealer_refuses_bytes_that_are_not_a_graph()
    {
        using var key = OperatorKeyPair.Generate();
        var error = Assert.Throws<ArgumentException>(() => Sealer.Sign([1, 2, 3], key));
        Assert.Contains("not a graph encoding", error.Message);
    }
}
