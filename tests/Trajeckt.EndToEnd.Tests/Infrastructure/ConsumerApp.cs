using Trajeckt.Interception;
using Trajeckt.Sealing;

namespace Trajeckt.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A project written to a folder: the sources directly under ConsumerApp/ (two marked tools, a three-line
/// .traj, an agent that reads a customer and then tries to send it out, directly and as a model would, and
/// the program that runs it) or some of its files (ChatPipeline/ holds a program that has a scripted model
/// drive the tools through a Microsoft.Extensions.AI pipeline), and a project file that brings in Trajeckt
/// one way or another.
/// </summary>
internal sealed class ConsumerApp
{
    public const string Name = "App";
    public const string Trajectory = "Support";

    private readonly Sandbox _sandbox;

    /// <param name="sources">The files to copy into the app's folder, as paths under ConsumerApp/; <see langword="null"/> for every file directly under it.</param>
    public ConsumerApp(Sandbox sandbox, string folderName, string projectFile, string? nugetConfig = null, string? artifactsPath = null, string name = Name, string[]? sources = null)
    {
        _sandbox = sandbox;
        ArtifactsPath = artifactsPath;
        Folder = sandbox.Folder(folderName);
        var sourceFolder = Path.Combine(AppContext.BaseDirectory, "ConsumerApp");
        foreach (var source in sources ?? Directory.GetFiles(sourceFolder).Select(f => Path.GetRelativePath(sourceFolder, f)).ToArray())
            File.Copy(Path.Combine(sourceFolder, source), Path.Combine(Folder, Path.GetFileName(source)));
        File.WriteAllText(Path.Combine(Folder, name + ".csproj"), projectFile);
        // Nothing from folders above the temporary one may reach the build.
        File.WriteAllText(Path.Combine(Folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Folder, "Directory.Build.targets"), "<Project />\n");
        if (nugetConfig is not null)
            File.WriteAllText(Path.Combine(Folder, "nuget.config"), nugetConfig);
    }

    public string Folder { get; }

    /// <summary>Where the app and the projects it references are built when not in their own folders.</summary>
    public string? ArtifactsPath { get; }

    public static string SealFileName => SealFileNames.For(Name, Trajectory);

    public string OutputFolder(string configuration) => ArtifactsPath is null
        ? Path.Combine(Folder, "bin", configuration, "net10.0")
        : Path.Combine(ArtifactsPath, "bin", Name, configuration.ToLowerInvariant());

    /// <summary>Runs a dotnet command in the app's folder (with the artifacts path, if any, for build, run and publish).</summary>
    public ProcessResult Dotnet(params string[] args) => _sandbox.Dotnet(Folder, WithArtifacts(args));

    public ProcessResult Dotnet(IReadOnlyDictionary<string, string?> environment, params string[] args) => _sandbox.Dotnet(Folder, environment, WithArtifacts(args));

    /// <summary>Runs a built or published App.dll with the sandbox's HOME (where the development key is).</summary>
    public ProcessResult RunDll(string folder, params string[] args) => _sandbox.Dotnet(folder, [Path.Combine(folder, Name + ".dll"), .. args]);

    /// <summary>Runs the app's own executable in <paramref name="folder"/> (a single-file publish) with the sandbox's HOME.</summary>
    public ProcessResult RunExecutable(string folder, params string[] args) =>
        Infrastructure.Dotnet.RunExecutable(Path.Combine(folder, OperatingSystem.IsWindows() ? Name + ".exe" : Name), folder, _sandbox.Environment, args);

    private string[] WithArtifacts(string[] args) =>
        ArtifactsPath is null || args is not ["build" or "run" or "publish", ..] ? args : [args[0], "--artifacts-path", ArtifactsPath, .. args[1..]];

    /// <summary>Reads the seal of <paramref name="assemblyName"/>'s Support graph in <paramref name="folder"/>, failing the test if it is missing or malformed.</summary>
    public static Seal ReadSeal(string folder, string assemblyName = Name)
    {
        var path = Path.Combine(folder, SealFileNames.For(assemblyName, Trajectory));
        Assert.True(File.Exists(path), $"no seal at {path}");
        Assert.True(SealFile.TryRead(path, out var seal, out var error), error?.ToString());
        return seal;
    }
}
