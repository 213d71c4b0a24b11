using Trajeckt.EndToEnd.Tests.Infrastructure;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>
/// TRJ2030 in a real build from the packed package: code that turns shadow mode on warns in a Release build,
/// even with TRJ2030 in the project's NoWarn (the package's targets take it out), and not in a Debug build.
/// </summary>
[Collection(Workbench.Collection)]
public sealed class ShadowInReleaseConsumerTests(Workbench bench)
{
    [Fact]
    public void Shadow_mode_set_in_code_warns_in_a_Release_build_whatever_NoWarn_says_and_not_in_Debug()
    {
        // The project silences the warning the ordinary way; the package must not let it.
        var project = bench.PackageProjectFile("Exe").Replace("</Project>", """
              <PropertyGroup>
                <NoWarn>$(NoWarn);TRJ2030</NoWarn>
              </PropertyGroup>
            </Project>
            """, StringComparison.Ordinal);
        var app = new ConsumerApp(bench.Sandbox, "shadow-app", project, bench.NugetConfig,
            sources: ["Agent.cs", "Program.cs", "Tools.cs", "support.traj", "Shadow/ShadowInCode.cs"]);
        app.Dotnet("restore").AssertSucceeded();

        var release = app.Dotnet("build", "--no-restore", "-c", "Release", "-p:TrajecktAllowUnsigned=true").AssertSucceeded();
        Assert.Contains("ShadowInCode.cs(8,", release.Output);
        Assert.Contains("warning TRJ2030", release.Output);

        var debug = app.Dotnet("build", "--no-restore").AssertSucceeded();
        Assert.DoesNotContain("TRJ2030", debug.Output);
    }
}
