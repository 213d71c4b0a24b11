using System.Reflection;
using Trajeckt.TestSupport;

namespace Trajeckt.EndToEnd.Tests.Infrastructure;

/// <summary>The repository's projects and the CLI built with these tests.</summary>
internal static class Repo
{
    public static string Root => RepoPaths.Root;

    public static string Source(string relative) => Path.Combine(Root, "src", relative);

    /// <summary>The trajeckt.dll built with these tests (its path depends on the artifacts path of the build).</summary>
    public static string CliPath
    {
        get
        {
            var path = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TrajecktCliPath").Value;
            Assert.True(File.Exists(path), $"the trajeckt CLI was not built at {path}");
            return path!;
        }
    }

    /// <summary>Runs the built CLI, e.g. to make an operator key as an operator would.</summary>
    public static ProcessResult Trajeckt(Sandbox sandbox, params string[] args) =>
        sandbox.Dotnet(sandbox.Root, [CliPath, .. args]);
}
