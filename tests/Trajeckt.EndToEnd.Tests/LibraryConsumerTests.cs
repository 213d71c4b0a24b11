using Trajeckt.EndToEnd.Tests.Infrastructure;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>
/// The tools, the .traj and the agent in a class library that adds the package; a console app that only
/// references the library. The library's graph is sealed beside the library, and its BeginSession looks
/// beside the app: the seal must travel into the app's output and publish folder.
/// </summary>
[Collection(Workbench.Collection)]
public sealed class LibraryConsumerTests(Workbench bench)
{
    private const string Library = "Lib";

    [Fact]
    public void A_library_s_seal_travels_into_the_app_s_output_and_publish_folders()
    {
        var library = new ConsumerApp(bench.Sandbox, "library/Lib", bench.PackageProjectFile("Library"), bench.NugetConfig,
            name: Library, sources: ["Agent.cs", "Tools.cs", "support.traj"]);
        var app = new ConsumerApp(bench.Sandbox, "library/App", AppProjectFile(), bench.NugetConfig, sources: ["Program.cs"]);

        AppOutput.AssertCleanBuild(app.Dotnet("build").AssertSucceeded());
        var seal = ConsumerApp.ReadSeal(Path.Combine(library.Folder, "bin", "Debug", "net10.0"), Library);
        var copied = ConsumerApp.ReadSeal(app.OutputFolder("Debug"), Library);
        Assert.Equal((seal.Digest, seal.KeyId), (copied.Digest, copied.KeyId));
        AppOutput.AssertEnforced(app.Dotnet("run", "--no-build"), seal);

        var published = Path.Combine(app.Folder, "published");
        app.Dotnet("publish", "-o", published, $"-p:TrajecktSigningKey={bench.OperatorKey}.key").AssertSucceeded();
        AppOutput.AssertEnforced(app.RunDll(published, "--trust", bench.OperatorKey + ".pub"), ConsumerApp.ReadSeal(published, Library));
    }

    [Fact]
    public void A_project_with_no_tool_and_no_policy_builds_in_Release_without_a_key_and_has_nothing_to_seal()
    {
        // As a test project or a helper library that picks Trajeckt up from a reference: nothing there to enforce.
        var library = new ConsumerApp(bench.Sandbox, "no-tools/Lib", bench.PackageProjectFile("Library"), bench.NugetConfig,
            name: Library, sources: ["NoTools/Greeter.cs"]);

        var build = library.Dotnet("build", "-c", "Release").AssertSucceeded();

        AppOutput.AssertCleanBuild(build);
        Assert.DoesNotContain("TRJ1100", build.Output);
        var output = Path.Combine(library.Folder, "bin", "Release", "net10.0");
        Assert.True(File.Exists(Path.Combine(output, Library + ".dll")));
        Assert.Empty(Directory.GetFiles(output, "*.trajeckt.seal"));
    }

    private static string AppProjectFile() => """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../Lib/Lib.csproj" />
          </ItemGroup>
        </Project>
        """;
}
