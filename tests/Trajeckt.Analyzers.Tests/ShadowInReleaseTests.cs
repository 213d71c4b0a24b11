using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Trajeckt.Analyzers.Rollout;
using Trajeckt.Analyzers.Tests.Infrastructure;

namespace Trajeckt.Analyzers.Tests;

/// <summary>
/// TRJ2030: code that turns shadow mode on warns in a Release build (optimized, or Configuration=Release), in
/// every way it can be turned on, never for a constant off value, never in Debug; pragmas and severities do not silence
/// it, only the named MSBuild property (project-wide) or a [SuppressMessage] naming TRJ2030 (one member).
/// </summary>
public sealed class ShadowInReleaseTests
{
    private const string Optimized = "an optimized build";

    // Each way code can turn shadow on, marked {|#n:...|} where TRJ2030 is expected.
    private const string EveryWayOn = """
        using System;
        using System.Collections.Generic;
        using Trajeckt;

        public static class Startup
        {
            private const string Key = "Trajeckt:Shadow";

            public static void Configure(TrajecktOptions options, bool fromFlag, Dictionary<string, string?> settings)
            {
                var initialized = new TrajecktOptions { {|#0:Shadow = true|} };
                {|#1:options.Shadow = true|};
                Action<TrajecktOptions> configure = o => {|#2:o.Shadow = fromFlag|};
                {|#3:options.Shadow |= fromFlag|};
                int n;
                {|#4:(options.Shadow, n) = (true, 1)|};
                {|#5:settings["Trajeckt:Shadow"] = "true"|};
                var memory = new Dictionary<string, string?> { {|#6:[Key] = "TRUE"|} };
                var added = new Dictionary<string, string?> { { {|#7:"trajeckt:shadow"|}, fromFlag.ToString() } };
                Environment.SetEnvironmentVariable({|#8:"Trajeckt__Shadow"|}, "true");
                string[] args = [{|#9:"--Trajeckt:Shadow=true"|}];
                var pair = new KeyValuePair<string, string?>({|#10:$"{TrajecktOptions.SectionName}:Shadow"|}, "1");
            }
        }
        """;

    // Writes that leave shadow off, and reads: never TRJ2030.
    private const string EveryWayOff = """
        using System;
        using System.Collections.Generic;
        using Trajeckt;

        public static class Startup
        {
            public static bool Configure(TrajecktOptions options, bool fromFlag, Dictionary<string, string?> settings)
            {
                var initialized = new TrajecktOptions { Shadow = false };
                options.Shadow = false;
                options.Shadow &= fromFlag;
                options.Shadow |= false;
                int n;
                (options.Shadow, n) = (false, 1);
                settings["Trajeckt:Shadow"] = "false";
                settings["Trajeckt:Shadow"] = null;
                var memory = new Dictionary<string, string?> { ["Trajeckt:Shadow"] = " False " };
                Environment.SetEnvironmentVariable("Trajeckt__Shadow", null);
                string[] args = ["--Trajeckt:Shadow=false"];
                var other = new Dictionary<string, string?> { ["Trajeckt:Shadowed"] = "true", ["Other:Shadow"] = "true" };
                return options.Shadow || settings["Trajeckt:Shadow"] == "true";
            }
        }
        """;

    private const string Small = "internal static class S { internal static Trajeckt.TrajecktOptions O() => new() { {|#0:Shadow = true|} }; }";

    private static readonly DiagnosticResult s_small = Verify.Diagnostic(Descriptors.ShadowInRelease).WithLocation(0).WithArguments("TrajecktOptions.Shadow is set", Optimized);

    [Fact]
    public async Task Every_way_code_turns_shadow_on_warns_in_an_optimized_build()
    {
        const string Property = "TrajecktOptions.Shadow is set";
        string[] how =
        [
            Property, Property, Property, Property, Property,
            Key("Trajeckt:Shadow"), Key("Trajeckt:Shadow"), Key("trajeckt:shadow"), Key("Trajeckt__Shadow"),
            "the command-line setting '--Trajeckt:Shadow=true' turns it on",
            Key("Trajeckt:Shadow"),
        ];
        var expected = how.Select((text, i) => Verify.Diagnostic(Descriptors.ShadowInRelease).WithLocation(i).WithArguments(text, Optimized)).ToArray();
        await Verify.AnalyzerInBuild<ShadowInReleaseAnalyzer>(EveryWayOn, Release, expected);
    }

    [Fact]
    public async Task A_constant_off_value_and_a_read_do_not_warn_in_a_Release_build() =>
        await Verify.AnalyzerInBuild<ShadowInReleaseAnalyzer>(EveryWayOff, test => { Release(test); ConfigurationIs(test, "Release"); });

    [Fact]
    public async Task Nothing_warns_in_a_Debug_build() =>
        await Verify.AnalyzerInBuild<ShadowInReleaseAnalyzer>(Unmarked(EveryWayOn), test => ConfigurationIs(test, "Debug"));

    [Fact]
    public async Task Configuration_Release_warns_even_when_the_build_is_not_optimized() =>
        await Verify.AnalyzerInBuild<ShadowInReleaseAnalyzer>(
            Small,
            test => ConfigurationIs(test, "release"),
            Verify.Diagnostic(Descriptors.ShadowInRelease).WithLocation(0).WithArguments("TrajecktOptions.Shadow is set", "Configuration=Release"));

    [Fact]
    public async Task The_named_MSBuild_property_is_the_one_way_to_keep_it_on_purpose() =>
        await Verify.AnalyzerInBuild<ShadowInReleaseAnalyzer>(Unmarked(EveryWayOn), test =>
        {
            Release(test);
            GlobalConfig(test, "build_property.Configuration = Release", "build_property.TrajecktAllowShadowInRelease = true");
        });

    [Theory]
    [InlineData("#pragma warning disable TRJ2030")]
    [InlineData("#pragma warning disable")]
    public async Task A_pragma_does_not_hide_it(string suppression) =>
        await Verify.AnalyzerInBuild<ShadowInReleaseAnalyzer>(
            suppression + "\ninternal static class S { public static Trajeckt.TrajecktOptions O() => new() { {|#0:Shadow = true|} }; }",
            Release,
            s_small);

    [Fact]
    public async Task SuppressMessage_naming_TRJ2030_at_the_member_is_the_deliberate_suppression_in_one_place() =>
        await Verify.AnalyzerInBuild<ShadowInReleaseAnalyzer>(
            """
            internal static class S
            {
                [System.Diagnostics.CodeAnalysis.SuppressMessage("Trajeckt", "TRJ2030", Justification = "The staging build watches the new policy.")]
                internal static Trajeckt.TrajecktOptions Staging() => new() { Shadow = true };

                internal static Trajeckt.TrajecktOptions Production() => new() { {|#0:Shadow = true|} };
            }
            """,
            Release,
            s_small);

    [Theory]
    [InlineData("dotnet_diagnostic.TRJ2030.severity = none")]
    [InlineData("dotnet_analyzer_diagnostic.category-Trajeckt.severity = none")]
    [InlineData("dotnet_analyzer_diagnostic.severity = none")]
    public async Task An_editorconfig_severity_does_not_hide_it(string setting) =>
        await Verify.AnalyzerInBuild<ShadowInReleaseAnalyzer>(
            Small,
            test =>
            {
                Release(test);
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + setting + "\n"));
            },
            s_small);

    [Theory]
    [InlineData(ReportDiagnostic.Suppress)]
    [InlineData(ReportDiagnostic.Hidden)]
    [InlineData(ReportDiagnostic.Error)]
    // Through the compiler API. The command-line compiler applies /nowarn and /warnaserror to it anyway, which is why
    // build/Trajeckt.targets takes TRJ2030 out of NoWarn (checked by hand in a real build, docs/diagnostics/TRJ2030.md).
    public async Task Specific_severities_in_the_compilation_options_leave_it_a_warning(ReportDiagnostic severity) =>
        await Verify.AnalyzerInBuild<ShadowInReleaseAnalyzer>(
            Small,
            test =>
            {
                Release(test);
                test.SolutionTransforms.Add((solution, projectId) =>
                {
                    var options = solution.GetProject(projectId)!.CompilationOptions!;
                    return solution.WithProjectCompilationOptions(projectId, options
                        .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItem("TRJ2030", severity))
                        .WithGeneralDiagnosticOption(ReportDiagnostic.Error));
                });
            },
            s_small.WithSeverity(DiagnosticSeverity.Warning));

    [Fact]
    public void The_descriptor_is_a_warning_that_cannot_be_configured_away()
    {
        Assert.Equal(DiagnosticSeverity.Warning, Descriptors.ShadowInRelease.DefaultSeverity);
        Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, Descriptors.ShadowInRelease.CustomTags);
    }

    private static void Release(CSharpAnalyzerTest<ShadowInReleaseAnalyzer, DefaultVerifier> test) =>
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectCompilationOptions(projectId, solution.GetProject(projectId)!.CompilationOptions!.WithOptimizationLevel(OptimizationLevel.Release)));

    private static void ConfigurationIs(CSharpAnalyzerTest<ShadowInReleaseAnalyzer, DefaultVerifier> test, string configuration) =>
        GlobalConfig(test, "build_property.Configuration = " + configuration);

    // The file the SDK writes from CompilerVisibleProperty items (Trajeckt.props).
    private static void GlobalConfig(CSharpAnalyzerTest<ShadowInReleaseAnalyzer, DefaultVerifier> test, params string[] lines) =>
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Join("\n", lines) + "\n"));

    private static string Key(string key) => $"the configuration key '{key}' is given a value";

    private static string Unmarked(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d+:(.*?)\|\}", "$1");
}
