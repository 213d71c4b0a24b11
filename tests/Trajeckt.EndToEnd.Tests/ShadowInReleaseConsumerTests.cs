using System.Text.Json;
using Trajeckt.EndToEnd.Tests.Infrastructure;

namespace Trajeckt.EndToEnd.Tests;

/// <summary>
/// TRJ2030 in a real build from the packed package: code that turns shadow mode on warns in a Release build,
/// even with TRJ2030 in the project's NoWarn (the package's targets take it out), and not in a Debug build; the
/// same NoWarn cannot silence the warnings of a generator that did not run either.
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
                <NoWarn>$(NoWarn);TRJ2030;CS8785;cs9057</NoWarn>
              </PropertyGroup>
            </Project>
            """, StringComparison.Ordinal);
        var app = new ConsumerApp(bench.Sandbox, "shadow-app", project, bench.NugetConfig,
            sources: ["Agent.cs", "Program.cs", "Tools.cs", "support.traj", "Shadow/ShadowInCode.cs"]);
        app.Dotnet("restore").AssertSucceeded();
        // Nor may it silence the warnings of a generator that did not run (every tool call would be ungated).
        var evaluation = app.Dotnet("msbuild", "-getProperty:NoWarn", "-getProperty:MSBuildWarningsAsMessages", "-getProperty:WarningsAsErrors").AssertSucceeded();
        var properties = JsonDocument.Parse(evaluation.Output).RootElement.GetProperty("Properties");
        foreach (var silencing in new[] { "NoWarn", "MSBuildWarningsAsMessages" })
        {
            var list = properties.GetProperty(silencing).GetString()!;
            Assert.DoesNotContain("TRJ2030", list, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("CS8785", list, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("CS9057", list, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("CS8785;CS9057", properties.GetProperty("WarningsAsErrors").GetString());

        var release = app.Dotnet("build", "--no-restore", "-c", "Release", "-p:TrajecktAllowUnsigned=true").AssertSucceeded();
        Assert.Contains("ShadowInCode.cs(8,", release.Output);
        Assert.Contains("warning TRJ2030", release.Output);

        var debug = app.Dotnet("build", "--no-restore").AssertSucceeded();
        Assert.DoesNotContain("TRJ2030", debug.Output);
    }
}
