using Trajeckt.EndToEnd.Tests.Infrastructure;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>
/// What every end-to-end test shares: a sandbox (its own HOME), a private artifacts folder into which the
/// repository's projects are built (never their own bin/ and obj/, which the solution's build uses at the
/// same time), the packages packed once into a local folder feed with a version unique to this run (a
/// repacked version would be served stale from the global packages folder), a consumer app that adds the
/// Trajeckt package as a user would, and an operator key pair made with the CLI.
/// </summary>
public sealed class Workbench : IDisposable
{
    public const string Collection = "e2e";

    /// <summary>The packages a user adds: Trajeckt, and those for agent frameworks that build on it.</summary>
    public static readonly string[] PackageIds = ["Trajeckt", "Trajeckt.Extensions.AI", "Trajeckt.SemanticKernel", "Trajeckt.Mcp", "Trajeckt.Redis", "Trajeckt.AgentFramework"];

    /// <summary>The package of the <c>trajeckt</c> .NET tool, packed on first use: only the rollout test installs it.</summary>
    public const string CliToolPackageId = "Trajeckt.Cli";

    private readonly Sandbox _sandbox = new("workbench");
    private readonly Lazy<string> _cliToolPackage;

    public Workbench()
    {
        Artifacts = _sandbox.Folder("artifacts");
        Version = $"0.1.0-e2e.t{DateTime.UtcNow:yyyyMMddHHmmss}.{Guid.NewGuid().ToString("N")[..8]}";
        Feed = _sandbox.Folder("feed");
        foreach (var id in PackageIds)
            Pack(id);

        OperatorKey = Path.Combine(_sandbox.Root, "operator");
        Repo.Trajeckt(_sandbox, "keygen", "--out", OperatorKey).AssertSucceeded();
        PackageApp = new ConsumerApp(_sandbox, "package-app", PackageProjectFile("Exe"), NugetConfig);
        PackageApp.Dotnet("restore").AssertSucceeded();
        _cliToolPackage = new(() => Pack(CliToolPackageId));
    }

    /// <summary>The artifacts folder of every build of the repository's projects in these tests.</summary>
    public string Artifacts { get; }

    public string Version { get; }

    public string Feed { get; }

    /// <summary>The Trajeckt package.</summary>
    public string Package => PackageFile("Trajeckt");

    /// <summary>The operator key pair's path without extension (.key and .pub).</summary>
    public string OperatorKey { get; }

    /// <summary>The consumer that adds the package.</summary>
    internal ConsumerApp PackageApp { get; }

    internal Sandbox Sandbox => _sandbox;

    /// <summary>The Trajeckt.Cli tool package in the feed (packed now if it is not yet).</summary>
    public string CliToolPackage => _cliToolPackage.Value;

    /// <summary>The .nupkg of the package <paramref name="id"/> in the feed.</summary>
    public string PackageFile(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public void Dispose()
    {
        _sandbox.Dispose();
        // The run's version is never used again: leave the global packages folder as it was.
        foreach (var id in PackageIds.Append(CliToolPackageId))
        {
            var extracted = Path.Combine(Sandbox.GlobalPackagesFolder, id.ToLowerInvariant(), Version.ToLowerInvariant());
            if (Directory.Exists(extracted))
                Directory.Delete(extracted, recursive: true);
        }
    }

    private string Pack(string id)
    {
        // Debug, so that the project-reference consumer reuses the projects compiled here.
        _sandbox.Dotnet(Repo.Root, "pack", Repo.Source(id), "-c", "Debug", "-o", Feed, "--artifacts-path", Artifacts, $"-p:PackageVersion={Version}").AssertSucceeded();
        Assert.True(File.Exists(PackageFile(id)), $"dotnet pack did not write {PackageFile(id)}");
        return PackageFile(id);
    }

    /// <summary>
    /// A nuget.config naming the feed and nuget.org, as a user testing a local package writes it
    /// (docs/getting-started.md): the Trajeckt packages from the feed only.
    /// </summary>
    internal string NugetConfig => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="trajeckt-local" value="{Feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="trajeckt-local">
              <package pattern="Trajeckt" />
              <package pattern="Trajeckt.*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    /// <summary>
    /// A project that adds the package as `dotnet add package Trajeckt` does, plus Microsoft.Extensions.AI
    /// for AIFunctionFactory.
    /// </summary>
    internal string PackageProjectFile(string outputType) =>
        ProjectFile(outputType, ("Trajeckt", Version), ("Microsoft.Extensions.AI", Versions.MicrosoftExtensionsAI));

    /// <summary>
    /// An app that adds only Trajeckt.Extensions.AI, as `dotnet add package Trajeckt.Extensions.AI` does:
    /// Trajeckt, with its generator and build targets, and Microsoft.Extensions.AI come with it.
    /// </summary>
    internal string ExtensionsAIProjectFile() => ProjectFile("Exe", ("Trajeckt.Extensions.AI", Version));

    /// <summary>An agent on the .NET generic host (configuration, logging, dependency injection) that adds Trajeckt.</summary>
    internal string HostedAgentProjectFile() => ProjectFile("Exe", ("Trajeckt", Version), ("Microsoft.Extensions.Hosting", Versions.MicrosoftExtensionsHosting));

    private static string ProjectFile(string outputType, params (string Id, string Version)[] packages)
    {
        var references = string.Join('\n', packages.Select(p => $"""    <PackageReference Include="{p.Id}" Version="{p.Version}" />"""));
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """;
    }
}

[CollectionDefinition(Workbench.Collection)]
public sealed class WorkbenchCollection : ICollectionFixture<Workbench>;
