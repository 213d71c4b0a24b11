using System.IO.Compression;
using System.Xml.Linq;
using Trajeckt.EndToEnd.Tests.Infrastructure;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>What `dotnet pack src/Trajeckt` puts in the one package a user adds.</summary>
[Collection(Workbench.Collection)]
public sealed class PackageLayoutTests(Workbench bench)
{
    [Theory]
    [InlineData("lib/net10.0/Trajeckt.Runtime.dll")]
    [InlineData("lib/net10.0/Trajeckt.Traj.dll")]
    [InlineData("analyzers/dotnet/cs/Trajeckt.Generators.dll")]
    [InlineData("analyzers/dotnet/cs/Trajeckt.Traj.dll")]
    [InlineData("analyzers/dotnet/cs/Trajeckt.Analyzers.dll")]
    [InlineData("build/Trajeckt.props")]
    [InlineData("build/Trajeckt.targets")]
    [InlineData("buildTransitive/Trajeckt.props")]
    [InlineData("buildTransitive/Trajeckt.targets")]
    [InlineData("build/Trajeckt.HelpLinkRoot.props")]
    [InlineData("buildTransitive/Trajeckt.HelpLinkRoot.props")]
    [InlineData("tools/cli/trajeckt.dll")]
    [InlineData("tools/cli/trajeckt.runtimeconfig.json")]
    [InlineData("tools/cli/trajeckt.deps.json")]
    [InlineData("tools/cli/NSec.Cryptography.dll")]
    [InlineData("tools/cli/runtimes/linux-x64/native/libsodium.so")]
    [InlineData("tools/cli/runtimes/win-x64/native/libsodium.dll")]
    [InlineData("tools/cli/runtimes/osx-arm64/native/libsodium.dylib")]
    public void The_package_holds(string entry) => Assert.Contains(entry, Entries());

    [Fact]
    public void The_CLI_is_framework_dependent_without_an_apphost()
    {
        var entries = Entries();
        Assert.DoesNotContain("tools/cli/trajeckt", entries);
        Assert.DoesNotContain("tools/cli/trajeckt.exe", entries);
    }

    [Fact]
    public void The_CLI_carries_native_libsodium_for_desktop_platforms_only()
    {
        var platforms = Entries().Where(e => e.StartsWith("tools/cli/runtimes/", StringComparison.Ordinal))
            .Select(e => e.Split('/')[3]).ToHashSet();

        Assert.Contains("linux-musl-x64", platforms);
        Assert.Contains("win-arm64", platforms);
        Assert.DoesNotContain(platforms, p => p.StartsWith("android-", StringComparison.Ordinal) || p.StartsWith("ios-", StringComparison.Ordinal)
            || p.StartsWith("tvos-", StringComparison.Ordinal) || p.StartsWith("maccatalyst-", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_package_the_runtime_references_is_a_dependency_of_the_package()
    {
        var runtime = XDocument.Load(Repo.Source("Trajeckt.Runtime/Trajeckt.Runtime.csproj"));
        var needed = runtime.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).ToList();
        Assert.NotEmpty(needed);

        using var package = ZipFile.OpenRead(bench.Package);
        using var nuspec = package.GetEntry("Trajeckt.nuspec")!.Open();
        var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => (string)d.Attribute("id")!).ToHashSet();

        Assert.All(needed, id => Assert.Contains(id, dependencies));
        Assert.DoesNotContain("Trajeckt.Runtime", dependencies);
    }

    private List<string> Entries()
    {
        using var package = ZipFile.OpenRead(bench.Package);
        return package.Entries.Select(e => e.FullName).ToList();
    }
}
