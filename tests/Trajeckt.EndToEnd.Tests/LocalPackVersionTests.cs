using System.Diagnostics;
using System.Text.Json;
using Trajeckt.EndToEnd.Tests.Infrastructure;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>
/// A local pack gets a version that changes with the commit (0.1.0-dev.HEIGHT), so that a re-pack after a pull
/// is never shadowed by the stale copy in the NuGet cache; an explicit version wins. Asked through
/// _GetProjectVersion, the target NuGet uses both for a package's own version and for the exact pins between
/// the packages (docs/getting-started.md).
/// </summary>
public sealed class LocalPackVersionTests : IDisposable
{
    private readonly Sandbox _sandbox = new("version");

    [Theory]
    [InlineData("Trajeckt/Trajeckt.csproj")]
    [InlineData("Trajeckt.Extensions.AI/Trajeckt.Extensions.AI.csproj")]
    [InlineData("Trajeckt.SemanticKernel/Trajeckt.SemanticKernel.csproj")]
    public void A_local_pack_is_versioned_by_the_commit_height(string project) =>
        Assert.Equal("0.1.0-dev." + GitHeight(), PackageVersion(project, _sandbox.Environment));

    [Theory]
    [InlineData("-p:Version=2.3.4", "2.3.4")]
    [InlineData("-p:PackageVersion=2.3.4-ci.7", "2.3.4-ci.7")]
    [InlineData("-p:VersionSuffix=rc.1", "0.1.0-rc.1")]
    public void An_explicit_version_wins(string property, string expected) =>
        Assert.Equal(expected, PackageVersion("Trajeckt/Trajeckt.csproj", _sandbox.Environment, property));

    [Fact]
    public void Without_git_the_version_carries_a_timestamp()
    {
        // A PATH with the dotnet host only: no git to ask, as in a source archive.
        var host = Path.IsPathRooted(Dotnet.HostPath) ? Dotnet.HostPath : Which(Dotnet.HostPath);
        var hostFolder = Path.GetDirectoryName(new FileInfo(host).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host)!;
        Assert.False(File.Exists(Path.Combine(hostFolder, "git")), "the dotnet host's folder also holds git");
        var environment = new Dictionary<string, string?>(_sandbox.Environment) { ["PATH"] = hostFolder };

        Assert.Matches(@"^0\.1\.0-dev\.0\.t\d{14}$", PackageVersion("Trajeckt/Trajeckt.csproj", environment));
    }

    public void Dispose() => _sandbox.Dispose();

    private static string PackageVersion(string project, IReadOnlyDictionary<string, string?> environment, params string[] properties)
    {
        var result = Dotnet.Run(Repo.Root, environment,
            ["msbuild", Path.Combine(Repo.Root, "src", project), "-t:_GetProjectVersion", "-getTargetResult:_GetProjectVersion", "-nologo", .. properties]);
        result.AssertSucceeded();
        using var json = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]);
        return json.RootElement.GetProperty("TargetResults").GetProperty("_GetProjectVersion").GetProperty("Items")[0].GetProperty("ProjectVersion").GetString()!;
    }

    private static string GitHeight()
    {
        using var git = Process.Start(new ProcessStartInfo("git", "rev-list --count HEAD") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true })!;
        var height = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return height;
    }

    private static string Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, command))
            .First(File.Exists);
}
