using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Trajeckt.Analyzers.Rollout;

/// <summary>
/// Whether a compilation is a Release build, as TRJ2030 reads it (docs/diagnostics/TRJ2030.md): the compiler
/// optimizes it (<c>Optimize</c>, which <c>-c Release</c> sets), or the MSBuild <c>Configuration</c> is
/// <c>Release</c> (visible to the compiler through the package's props). Either one suffices, so neither a
/// custom optimized configuration nor <c>-c Release -p:Optimize=false</c> slips through.
/// </summary>
internal static class ReleaseBuild
{
    public const string ConfigurationProperty = "build_property.Configuration";

    /// <summary>The deliberate opt-out, an MSBuild property the project sets by name (never implied by NoWarn or severities).</summary>
    public const string AllowShadowProperty = "build_property.TrajecktAllowShadowInRelease";

    /// <summary>Why the build counts as Release (for the message), or <see langword="null"/> when it does not.</summary>
    public static string? Describe(Compilation compilation, AnalyzerConfigOptions globalOptions)
    {
        if (globalOptions.TryGetValue(ConfigurationProperty, out var configuration)
            && string.Equals(configuration.Trim(), "Release", StringComparison.OrdinalIgnoreCase))
            return "Configuration=Release";
        return compilation.Options.OptimizationLevel == OptimizationLevel.Release ? "an optimized build" : null;
    }

    /// <summary>Whether the project set <c>&lt;TrajecktAllowShadowInRelease&gt;true&lt;/TrajecktAllowShadowInRelease&gt;</c>.</summary>
    public static bool AllowsShadow(AnalyzerConfigOptions globalOptions) =>
        globalOptions.TryGetValue(AllowShadowProperty, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
