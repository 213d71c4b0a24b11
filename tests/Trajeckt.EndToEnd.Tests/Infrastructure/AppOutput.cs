namespace Trajeckt.EndToEnd.Tests.Infrastructure;

/// <summary>What the consumer app shows when its commitment works: the read allowed, both sends refused.</summary>
internal static class AppOutput
{
    public const string Refusal = "flow: label 'customer-pii' (read by read_customer at step 1) may not reach external sink send_email";

    /// <summary>The function result a model gets for the refused send (RefusalResult.Prefix, then the refusal).</summary>
    public const string RefusalResult = "Refused by the Trajeckt policy: " + Refusal;

    /// <summary>
    /// The seal verified, the generated graph is the one sealed, the sensitive read ran, and the
    /// exfiltrating call was refused both when called directly (interceptor) and through the gated AIFunction.
    /// </summary>
    public static void AssertEnforced(ProcessResult run, Sealing.Seal seal)
    {
        run.AssertSucceeded();
        Assert.Equal($"graph {seal.Digest}", run.Line("graph "));
        Assert.Equal("commitment verified", run.Line("commitment "));
        Assert.Equal("read: customer 42: Ada Lovelace, ada@example.com", run.Line("read: "));
        Assert.Equal($"direct: refused flow: {Refusal}", run.Line("direct: "));
        Assert.Equal($"model: refused flow: {Refusal}", run.Line("model: "));
        // Had either send run, the tool would have printed this.
        Assert.DoesNotContain("SENT to", run.Output);
    }

    /// <summary>The app refused every call, the read included: nothing it trusts vouches for its graph.</summary>
    public static void AssertFailsClosed(ProcessResult run, string reason)
    {
        run.AssertSucceeded();
        Assert.Equal("commitment none", run.Line("commitment "));
        Assert.StartsWith($"read: refused {reason}: ", run.Line("read: "));
        Assert.StartsWith($"direct: refused {reason}: ", run.Line("direct: "));
        Assert.StartsWith($"model: refused {reason}: ", run.Line("model: "));
        Assert.DoesNotContain("SENT to", run.Output);
    }

    /// <summary>
    /// The build a new user sees: no warning at all, so also none of the compiler's warnings that it
    /// skipped the generator or the analyzers (CS8784, CS8785, CS9057), which would leave calls ungated.
    /// </summary>
    public static void AssertCleanBuild(ProcessResult build)
    {
        Assert.Contains("0 Warning(s)", build.Output);
        Assert.DoesNotContain("CS8784", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);
        Assert.DoesNotContain("CS9057", build.Output);
    }
}
