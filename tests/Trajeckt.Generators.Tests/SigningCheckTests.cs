using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// The generator, not the build targets, reports a build that would leave a graph unsealed (TRJ1100, TRJ1102):
/// only it knows whether the assembly holds a graph. A project with no tool and no policy has none.
/// </summary>
public sealed class SigningCheckTests
{
    private const string Tools = "using Trajeckt;\nnamespace Agent;\npublic static class T { [Tool] public static int Ping() => 1; }\n";
    private const string NoTools = "namespace Agent;\npublic static class Greeter { public static string Greet() => \"hi\"; }\n";

    private static Dictionary<string, string> Build(string configuration, params (string Property, string Value)[] properties)
    {
        // What the package's props make visible, with the targets' defaults: TrajecktSign=true.
        var options = new Dictionary<string, string>
        {
            ["build_property.TrajecktSign"] = "true",
            ["build_property.MSBuildProjectName"] = "App",
            ["build_property.Configuration"] = configuration,
        };
        foreach (var (property, value) in properties)
            options["build_property." + property] = value;
        return options;
    }

    private static GeneratorRun Run(string source, Dictionary<string, string> options, params (string FileName, string Text)[] policies) =>
        GeneratorHarness.Run([("Code.cs", source)], policies, globalOptions: options);

    [Fact]
    public void A_Release_build_of_a_graph_without_a_key_is_error_TRJ1100_naming_project_and_configuration()
    {
        var run = Run(Tools, Build("Release"));

        var diagnostic = Assert.Single(run.WithId("TRJ1100"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("Trajeckt: App is built in Release without a signing key", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(DiagnosticDescriptors.HelpLink("TRJ1100"), diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void Allowed_unsigned_it_is_warning_TRJ1102()
    {
        var run = Run(Tools, Build("Release", ("TrajecktAllowUnsigned", "true")));

        Assert.Empty(run.WithId("TRJ1100"));
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(run.WithId("TRJ1102")).Severity);
    }

    [Theory]
    [InlineData("TrajecktSigningKey", "/keys/operator.key")]
    [InlineData("TrajecktUseDevelopmentKey", "true")]
    [InlineData("TrajecktSign", "false")]
    public void A_key_the_development_key_or_signing_turned_off_report_nothing(string property, string value)
    {
        var run = Run(Tools, Build("Release", (property, value)));

        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Without_the_package_s_targets_nothing_is_checked()
    {
        var run = GeneratorHarness.Run([("Code.cs", Tools)]);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("TrajecktGraphs.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void A_project_with_no_tool_and_no_policy_has_no_graph_and_needs_no_key()
    {
        var run = Run(NoTools, Build("Release"));

        run.AssertCompilesCleanly();
        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain("TrajecktGraphs.g.cs", run.Sources.Keys);
        Assert.Empty(run.Output.Assembly.GetAttributes().Where(a => a.AttributeClass?.Name == "TrajecktGraphAttribute"));
    }

    [Fact]
    public void A_policy_alone_is_a_graph_to_seal()
    {
        var run = Run(NoTools, Build("Release"), ("support.traj", "trajectory Support {\n  tool read_ticket;\n  plan read_ticket*;\n}\n"));

        Assert.Single(run.WithId("TRJ1100"));
        Assert.Contains("TrajecktGraphs.g.cs", run.Sources.Keys);
    }
}
