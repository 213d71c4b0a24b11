using Trajeckt.EndToEnd.Tests.Infrastructure;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>
/// Packs src/Trajeckt once into a local folder feed with a version unique to this run (a repacked version
/// would be served stale from the global packages folder), and writes one consumer app that adds the
/// package as a user would, plus an operator key pair made with the CLI.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public const string Collection = "package";

    private readonly Sandbox _sandbox = new("package");

    public PackageFeed()
    {
        Version = $"0.1.0-e2e.t{DateTime.UtcNow:yyyyMMddHHmmss}.{Guid.NewGuid().ToString("N")[..8]}";
        Folder = _sandbox.Folder("feed");
        _sandbox.Dotnet(Repo.Root, "pack", Repo.Source("Trajeckt"), "-o", Folder, $"-p:PackageVersion={Version}").AssertSucceeded();
        Package = Path.Combine(Folder, $"Trajeckt.{Version}.nupkg");
        Assert.True(File.Exists(Package), $"dotnet pack did not write {Package}");

        OperatorKey = Path.Combine(_sandbox.Root, "operator");
        Repo.Trajeckt(_sandbox, "keygen", "--out", OperatorKey).AssertSucceeded();
        App = new ConsumerApp(_sandbox, "app", ProjectFile(Version), NugetConfig(Folder));
        App.Dotnet("restore").AssertSucceeded();
    }

    public string Version { get; }

    public string Folder { get; }

    public string Package { get; }

    /// <summary>The operator key pair's path without extension (.key and .pub).</summary>
    public string OperatorKey { get; }

    internal ConsumerApp App { get; }

    internal Sandbox Sandbox => _sandbox;

    public void Dispose()
    {
        _sandbox.Dispose();
        // The run's version is never used again: leave the global packages folder as it was.
        var extracted = Path.Combine(Sandbox.GlobalPackagesFolder, "trajeckt", Version.ToLowerInvariant());
        if (Directory.Exists(extracted))
            Directory.Delete(extracted, recursive: true);
    }

    // What `dotnet add package Trajeckt` writes, plus Microsoft.Extensions.AI for AIFunctionFactory.
    private static string ProjectFile(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Trajeckt" Version="{version}" />
            <PackageReference Include="Microsoft.Extensions.AI" Version="{Versions.MicrosoftExtensionsAI}" />
          </ItemGroup>
        </Project>
        """;

    private static string NugetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="trajeckt-local" value="{feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
        </configuration>
        """;
}

[CollectionDefinition(PackageFeed.Collection)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>;
