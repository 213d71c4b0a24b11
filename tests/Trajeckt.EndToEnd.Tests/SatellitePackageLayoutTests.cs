using System.IO.Compression;
using System.Xml.Linq;
using Trajeckt.EndToEnd.Tests.Infrastructure;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>
/// What `dotnet pack` puts in the packages for agent frameworks. They use internals of the Trajeckt package's
/// runtime (and Trajeckt.SemanticKernel those of Trajeckt.Extensions.AI), so each depends on our other packages
/// at exactly the version packed with it, and ships nothing of theirs.
/// </summary>
[Collection(Workbench.Collection)]
public sealed class SatellitePackageLayoutTests(Workbench bench)
{
    [Fact]
    public void Extensions_AI_depends_on_exactly_this_Trajeckt_with_all_its_assets_and_on_Microsoft_Extensions_AI()
    {
        var dependencies = Dependencies("Trajeckt.Extensions.AI");

        Assert.Equal(["Microsoft.Extensions.AI", "Trajeckt"], dependencies.Keys.Order());
        AssertTrajecktWithAllAssets(dependencies["Trajeckt"]);
    }

    [Fact]
    public void Semantic_Kernel_depends_on_exactly_this_Trajeckt_and_Trajeckt_Extensions_AI_and_on_Semantic_Kernel()
    {
        var dependencies = Dependencies("Trajeckt.SemanticKernel");

        Assert.Equal(["Microsoft.SemanticKernel.Core", "Trajeckt", "Trajeckt.Extensions.AI"], dependencies.Keys.Order());
        AssertTrajecktWithAllAssets(dependencies["Trajeckt"]);
        Assert.Equal($"[{bench.Version}]", dependencies["Trajeckt.Extensions.AI"].Version);
    }

    [Fact]
    public void Mcp_depends_on_exactly_this_Trajeckt_and_Trajeckt_Extensions_AI_and_on_the_MCP_SDK()
    {
        var dependencies = Dependencies("Trajeckt.Mcp");

        Assert.Equal(["ModelContextProtocol", "Trajeckt", "Trajeckt.Extensions.AI"], dependencies.Keys.Order());
        AssertTrajecktWithAllAssets(dependencies["Trajeckt"]);
        Assert.Equal($"[{bench.Version}]", dependencies["Trajeckt.Extensions.AI"].Version);
    }

    [Fact]
    public void Redis_depends_on_exactly_this_Trajeckt_and_on_StackExchange_Redis_and_the_hosting_abstractions()
    {
        var dependencies = Dependencies("Trajeckt.Redis");

        Assert.Equal(
            ["Microsoft.Extensions.Diagnostics.HealthChecks", "Microsoft.Extensions.Options.ConfigurationExtensions", "StackExchange.Redis", "System.IO.Hashing", "Trajeckt"],
            dependencies.Keys.Order(StringComparer.Ordinal));
        AssertTrajecktWithAllAssets(dependencies["Trajeckt"]);
    }

    [Fact]
    public void Agent_Framework_depends_on_exactly_this_Trajeckt_and_on_the_Agent_Framework()
    {
        var dependencies = Dependencies("Trajeckt.AgentFramework");

        Assert.Equal(["Microsoft.Agents.AI", "Trajeckt"], dependencies.Keys.Order(StringComparer.Ordinal));
        AssertTrajecktWithAllAssets(dependencies["Trajeckt"]);
    }

    [Theory]
    [InlineData("Trajeckt")]
    [InlineData("Trajeckt.Extensions.AI")]
    [InlineData("Trajeckt.SemanticKernel")]
    [InlineData("Trajeckt.Mcp")]
    [InlineData("Trajeckt.Redis")]
    [InlineData("Trajeckt.AgentFramework")]
    public void No_package_depends_on_the_assemblies_that_ship_inside_Trajeckt(string id)
    {
        var dependencies = Dependencies(id);

        Assert.DoesNotContain("Trajeckt.Runtime", dependencies.Keys);
        Assert.DoesNotContain("Trajeckt.Traj", dependencies.Keys);
    }

    [Theory]
    [InlineData("Trajeckt.Extensions.AI", "extensions-ai.md")]
    [InlineData("Trajeckt.SemanticKernel", "semantic-kernel.md")]
    [InlineData("Trajeckt.Mcp", "mcp.md")]
    [InlineData("Trajeckt.Redis", "sessions.md")]
    [InlineData("Trajeckt.AgentFramework", "sessions.md")]
    public void Lib_holds_only_the_package_s_own_assembly_and_its_docs_and_the_readme_is_its_page(string id, string readme)
    {
        using var package = ZipFile.OpenRead(bench.PackageFile(id));
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Equal([$"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml"], entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order());
        Assert.Contains(readme, entries);
        Assert.Equal(readme, Nuspec(package).Descendants().Single(e => e.Name.LocalName == "readme").Value);
    }

    /// <summary>Exactly the version packed with it, and nothing excluded: the generator, the analyzers and the signing targets reach the app through this dependency.</summary>
    private void AssertTrajecktWithAllAssets(Dependency trajeckt) =>
        Assert.Equal(new Dependency($"[{bench.Version}]", "All", null), trajeckt);

    private Dictionary<string, Dependency> Dependencies(string id)
    {
        using var package = ZipFile.OpenRead(bench.PackageFile(id));
        return Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(d => (string)d.Attribute("id")!, d => new Dependency((string)d.Attribute("version")!, (string?)d.Attribute("include"), (string?)d.Attribute("exclude")));
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        using var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(nuspec);
    }

    private sealed record Dependency(string Version, string? Include, string? Exclude);
}
