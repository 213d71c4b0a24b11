namespace Trajeckt.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A temporary folder with its own HOME, so that builds make and use a development key that is not the
/// user's real ~/.trajeckt. NuGet keeps the real global packages folder: a fresh one would download every
/// dependency again on every run.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    public Sandbox(string name)
    {
        Root = Path.Combine(Path.GetTempPath(), $"trajeckt-e2e-{name}-{Guid.NewGuid():N}");
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Home);
        Environment = new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["USERPROFILE"] = Home,
            ["NUGET_PACKAGES"] = GlobalPackagesFolder,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            // No MSBuild node outlives a test's build.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            // A signing key of the machine's must not decide what the tests see.
            ["TRAJECKT_SIGNING_KEY"] = null,
        };
    }

    public string Root { get; }

    public string Home { get; }

    /// <summary>The per-user development key pair that Debug builds in this sandbox make and use.</summary>
    public string DevelopmentPublicKey => Path.Combine(Home, ".trajeckt", "development.pub");

    public Dictionary<string, string?> Environment { get; }

    /// <summary>The global packages folder the machine's NuGet uses (before HOME is replaced).</summary>
    public static string GlobalPackagesFolder =>
        System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public ProcessResult Dotnet(string workingDirectory, params string[] args) =>
        Infrastructure.Dotnet.Run(workingDirectory, Environment, args);

    public ProcessResult Dotnet(string workingDirectory, IReadOnlyDictionary<string, string?> extra, params string[] args)
    {
        var environment = new Dictionary<string, string?>(Environment);
        foreach (var (name, value) in extra)
            environment[name] = value;
        return Infrastructure.Dotnet.Run(workingDirectory, environment, args);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp folder must not fail the tests.
        }
    }
}
