using Trajeckt.Sealing;
using Trajeckt.Traj;

namespace Trajeckt.Tests.AgentTesting;

/// <summary>Sessions over a policy compiled and sealed in memory with a fresh operator key, as the seal loader makes them.</summary>
internal static class TestSessions
{
    public const string SupportPolicy = """
        trajectory Support {
          tool read_ticket;
          tool read_customer : sensitive(customer-pii);
          tool fetch_url     : origin(Untrusted), egress;
          tool save_memory   : sink(control);
          tool send_email    : sink(external);
          tool reply_ticket  : sink(external);
          flow customer-pii -> reply_ticket;
        }
        """;

    public static TrajecktSession Support(TrajecktOptions? options = null) => Create(SupportPolicy, options);

    public static TrajecktSession Create(string policy, TrajecktOptions? options = null)
    {
        var compilation = TrajCompiler.Compile(policy, "test.traj");
        Assert.True(compilation.Success, string.Join(Environment.NewLine, compilation.Diagnostics));
        return Sealed(compilation.Trajectories[0].Encoding, options);
    }

    /// <summary>A session over a compiled graph (as a generator emits it), sealed with a fresh key.</summary>
    public static TrajecktSession Sealed(byte[] encoding, TrajecktOptions? options = null)
    {
        using var key = OperatorKeyPair.Generate();
        var seal = SealFile.Format(Sealer.Sign(encoding, key));
        var load = CommitmentLoader.Load(encoding, seal, new TrustStore([key.PublicKey]));
        Assert.True(load.Succeeded, load.FailureMessage);
        return TrajecktSession.Create(load, options);
    }
}
