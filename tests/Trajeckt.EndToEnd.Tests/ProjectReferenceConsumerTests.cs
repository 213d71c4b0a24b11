using Trajeckt.EndToEnd.Tests.Infrastructure;
using Trajeckt.Sealing;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>
/// A consumer that references the repository's projects (the runtime, the generator as an analyzer) and
/// imports the package's props and targets directly, signing with the CLI built with these tests.
/// </summary>
[Collection(Workbench.Collection)]
public sealed class ProjectReferenceConsumerTests(Workbench bench)
{
    [Fact]
    public void A_Debug_build_signs_with_the_development_key_and_the_app_refuses_the_exfiltration()
    {
        var app = new ConsumerApp(bench.Sandbox, "projref-app", ProjectFile(), artifactsPath: bench.Artifacts);

        var build = app.Dotnet("build").AssertSucceeded();
        AppOutput.AssertCleanBuild(build);
        Assert.Contains("signing with the per-user development key", build.Output);

        var seal = ConsumerApp.ReadSeal(app.OutputFolder("Debug"));
        Assert.True(PublicKeyFile.TryRead(bench.Sandbox.DevelopmentPublicKey, out var developmentKey, out _), "no development key was made");
        Assert.Equal(developmentKey.KeyId, seal.KeyId);
        AppOutput.AssertEnforced(app.Dotnet("run", "--no-build"), seal);
    }

    private static string ProjectFile() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <Import Project="{Repo.Source("Trajeckt/build/Trajeckt.props")}" />
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TrajecktCliPath>{Repo.CliPath}</TrajecktCliPath>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{Repo.Source("Trajeckt.Runtime/Trajeckt.Runtime.csproj")}" />
            <ProjectReference Include="{Repo.Source("Trajeckt.Generators/Trajeckt.Generators.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <PackageReference Include="Microsoft.Extensions.AI" Version="{Versions.MicrosoftExtensionsAI}" />
          </ItemGroup>
          <Import Project="{Repo.Source("Trajeckt/build/Trajeckt.targets")}" />
        </Project>
        """;
}
