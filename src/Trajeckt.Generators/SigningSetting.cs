using Microsoft.CodeAnalysis.Diagnostics;

namespace Trajeckt.Generators;

/// <summary>
/// How the package's build targets will seal this project's graphs, read from the build properties that the
/// package's props make visible to the compiler. The targets seal after compile but cannot tell whether the
/// assembly holds a graph at all; the generator can, so it is the one that reports a build that would leave a
/// graph unsealed (TRJ1100), and stays silent for a project with nothing to seal.
/// </summary>
/// <param name="IsSigning">Whether the targets are imported and sign (TrajecktSign); otherwise nothing is checked.</param>
/// <param name="HasKey">Whether a key is named (TrajecktSigningKey, TRAJECKT_SIGNING_KEY) or the development key is used (Debug).</param>
/// <param name="AllowUnsigned">Whether an unsigned build is wanted (TrajecktAllowUnsigned).</param>
/// <param name="ProjectName">The project, for the message.</param>
/// <param name="Configuration">The configuration, for the message.</param>
internal sealed record SigningSetting(bool IsSigning, bool HasKey, bool AllowUnsigned, string ProjectName, string Configuration)
{
    private const string Prefix = "build_property.";

    /// <summary>Without the package's targets (the generator alone, as in its tests) no build step signs, so none is checked.</summary>
    public static SigningSetting None { get; } = new(false, false, false, string.Empty, string.Empty);

    public static SigningSetting From(AnalyzerConfigOptions options)
    {
        if (!IsTrue(Value(options, "TrajecktSign")))
            return None;
        var hasKey = Value(options, "TrajecktSigningKey").Length > 0 || IsTrue(Value(options, "TrajecktUseDevelopmentKey"));
        return new SigningSetting(true, hasKey, IsTrue(Value(options, "TrajecktAllowUnsigned")), Value(options, "MSBuildProjectName"), Value(options, "Configuration"));
    }

    private static string Value(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue(Prefix + property, out var value) ? value.Trim() : string.Empty;

    private static bool IsTrue(string value) => string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase);
}
