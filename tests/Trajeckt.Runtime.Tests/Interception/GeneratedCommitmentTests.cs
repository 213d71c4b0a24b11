using Trajeckt.Interception;
using Trajeckt.Runtime.Tests.Seals;
using Trajeckt.Sealing;
using Trajeckt.Traj;

namespace Trajeckt.Runtime.Tests.Interception;

/// <summary>What a generated BeginSession() gets: a verified session, or one that refuses every call.</summary>
public sealed class GeneratedCommitmentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trajeckt-generated-").FullName;
    private readonly CompiledTrajectory _trajectory = TrajCompiler.Compile(
        "trajectory Support { tool read_customer : sensitive(pii); tool send_email : sink(external); }", "support.traj").Trajectories[0];

    private string SealPath => Path.Combine(_folder, SealFileNames.For("App", "Support"));

    [Fact]
    public void A_valid_seal_from_a_trusted_key_gives_an_enforcing_session()
    {
        using var key = OperatorKeyPair.Generate();
        SealFile.Write(SealPath, Sealer.Sign(_trajectory.Encoding, key));
        var options = new TrajecktOptions { TrustedKeys = { key.PublicKey.ToString() } };

        var session = GeneratedCommitment.CreateSession(_trajectory.Encoding, SealPath, options, loggerFactory: null);

        Assert.NotNull(session.Commitment);
        Assert.True(session.Begin("read_customer").IsAllowed);
        Assert.Equal(DecisionReason.Flow, session.Begin("send_email").Reason);
    }

    [Fact]
    public void No_seal_refuses_every_call_with_no_commitment_and_says_where_it_looked()
    {
        var decision = GeneratedCommitment.CreateSession(_trajectory.Encoding, SealPath, new TrajecktOptions(), null).Begin("read_customer");
        Assert.Equal(DecisionReason.NoCommitment, decision.Reason);
        Assert.Contains(SealPath, decision.Message);
    }

    [Fact]
    public void No_seal_runs_heuristic_only_when_uncommitted_sessions_are_allowed()
    {
        var session = GeneratedCommitment.CreateSession(_trajectory.Encoding, SealPath,
            new TrajecktOptions { RequireCommitment = false, AllowUncommitted = true }, null);
        Assert.True(session.IsHeuristic);
        Assert.True(session.Begin("read_customer").IsAllowed);
        Assert.Equal(DecisionReason.Heuristic, session.Begin("send_email").Reason);
    }

    [Fact]
    public void A_seal_by_an_untrusted_key_refuses_every_call_seal_invalid_even_when_uncommitted_is_allowed()
    {
        using var signer = OperatorKeyPair.Generate();
        using var trusted = OperatorKeyPair.Generate();
        SealFile.Write(SealPath, Sealer.Sign(_trajectory.Encoding, signer));
        var options = new TrajecktOptions { RequireCommitment = false, AllowUncommitted = true, TrustedKeys = { trusted.PublicKey.ToString() } };

        var session = GeneratedCommitment.CreateSession(_trajectory.Encoding, SealPath, options, null);

        Assert.False(session.IsHeuristic);
        Assert.Equal(DecisionReason.SealInvalid, session.Begin("read_customer").Reason);
    }

    [Fact]
    public void A_development_seal_without_TrustDevelopmentKeys_says_which_option_trusts_it()
    {
        using var developmentKey = OperatorKeyPair.Generate(isDevelopment: true);
        var developmentKeyPath = Path.Combine(_folder, "development.pub");
        PublicKeyFile.Write(developmentKeyPath, developmentKey.PublicKey);
        SealFile.Write(SealPath, Sealer.Sign(_trajectory.Encoding, developmentKey));

        var refused = GeneratedCommitment.CreateSession(_trajectory.Encoding, SealPath, new TrajecktOptions(), null, developmentKeyPath).Begin("read_customer");
        var trusted = GeneratedCommitment.CreateSession(_trajectory.Encoding, SealPath, new TrajecktOptions { TrustDevelopmentKeys = true }, null, developmentKeyPath);

        Assert.Equal(DecisionReason.SealInvalid, refused.Reason);
        Assert.Equal(
            "seal_invalid: read_customer is refused at step 1: the seal does not verify: development key not trusted: the seal was made with development key "
            + developmentKey.KeyId + ", and development keys are not trusted here; for a development build, set TrajecktOptions.TrustDevelopmentKeys = true "
            + "(trajeckt verify: --trust-development). Never set it in production: seal release builds with an operator key (trajeckt seal --key) instead",
            refused.Message);
        Assert.True(trusted.Begin("read_customer").IsAllowed);
    }

    [Fact]
    public void A_seal_of_other_bytes_is_refused()
    {
        using var key = OperatorKeyPair.Generate();
        var other = TrajCompiler.Compile("trajectory Support { tool read_customer; }", "other.traj").Trajectories[0];
        SealFile.Write(SealPath, Sealer.Sign(other.Encoding, key));
        var options = new TrajecktOptions { TrustedKeys = { key.PublicKey.ToString() } };

        Assert.Equal(DecisionReason.SealInvalid,
            GeneratedCommitment.CreateSession(_trajectory.Encoding, SealPath, options, null).Begin("read_customer").Reason);
    }

    [Fact]
    public void Malformed_trusted_keys_refuse_every_call_rather_than_throw()
    {
        using var key = OperatorKeyPair.Generate();
        SealFile.Write(SealPath, Sealer.Sign(_trajectory.Encoding, key));
        var options = new TrajecktOptions { TrustedKeys = { "ed25519:not-base64!" } };

        var decision = GeneratedCommitment.CreateSession(_trajectory.Encoding, SealPath, options, null).Begin("read_customer");

        Assert.Equal(DecisionReason.NoCommitment, decision.Reason);
        Assert.Contains("TrustedKeys[0]", decision.Message);
    }

    [Fact]
    public void Seal_file_names_are_safe_and_distinct_per_trajectory()
    {
        Assert.Equal("App.Support.trajeckt.seal", SealFileNames.For("App", "Support"));
        Assert.Equal("App.a_b_c.trajeckt.seal", SealFileNames.For("App", "a/b c"));
        Assert.DoesNotContain('/', SealFileNames.For("App", "../../etc/passwd"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
