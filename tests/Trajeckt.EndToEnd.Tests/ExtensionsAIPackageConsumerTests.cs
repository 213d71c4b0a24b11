using Trajeckt.EndToEnd.Tests.Infrastructure;
using Trajeckt.Sealing;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>
/// A console app that adds only the Trajeckt.Extensions.AI package from the local feed: the Trajeckt package comes
/// with it, so its generator compiles the graph, its build targets (buildTransitive) sign it, and the M.E.AI
/// pipeline's gate decides what a model asks for.
/// </summary>
[Collection(Workbench.Collection)]
public sealed class ExtensionsAIPackageConsumerTests(Workbench bench)
{
    [Fact]
    public void The_app_is_sealed_at_build_and_its_pipeline_runs_the_read_and_refuses_the_exfiltrating_send()
    {
        var app = new ConsumerApp(bench.Sandbox, "extensions-ai-app", bench.ExtensionsAIProjectFile(), bench.NugetConfig,
            sources: ["Tools.cs", "support.traj", "ChatPipeline/Program.cs", "ChatPipeline/ScriptedModel.cs"]);

        AppOutput.AssertCleanBuild(app.Dotnet("build").AssertSucceeded());

        var seal = ConsumerApp.ReadSeal(app.OutputFolder("Debug"));
        Assert.True(PublicKeyFile.TryRead(bench.Sandbox.DevelopmentPublicKey, out var developmentKey, out _), "the build did not make the development key");
        Assert.Equal(developmentKey.KeyId, seal.KeyId);
        var run = app.Dotnet("run", "--no-build").AssertSucceeded();
        Assert.Equal($"graph {seal.Digest}", run.Line("graph "));
        Assert.Equal("commitment verified", run.Line("commitment "));
        Assert.Equal("read: customer 42: Ada Lovelace, ada@example.com", run.Line("read: "));
        Assert.Equal($"send: {AppOutput.RefusalResult}", run.Line("send: "));
        // Had the send run, the tool would have printed this.
        Assert.DoesNotContain("SENT to", run.Output);
    }
}
