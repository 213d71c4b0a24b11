using Microsoft.CodeAnalysis.Diagnostics;

namespace Trajeckt.Generators;

/// <summary>
/// Whether the project lets interceptors in <c>Trajeckt.Generated</c> run. The package's targets pass
/// InterceptorsNamespaces on as <c>TrajecktInterceptorsNamespaces</c> with commas: the raw property usually
/// starts with ';', which the analyzer config format reads as a comment, so its value never arrives.
/// </summary>
internal static class InterceptorsSetting
{
    public const string Property = "build_property.TrajecktInterceptorsNamespaces";

    /// <summary>False only when the project's setting is known and lacks the namespace; unknown means the compiler will say.</summary>
    public static bool IsEnabled(AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(Property, out var value))
            return true;
        // The compiler lets a listed namespace enable the namespaces inside it too.
        foreach (var name in value.Split(',', ';'))
        {
            var listed = name.Trim();
            if (listed.Length > 0 && (KnownTypes.InterceptorsNamespace == listed || KnownTypes.InterceptorsNamespace.StartsWith(listed + ".", System.StringComparison.Ordinal)))
                return true;
        }
        return false;
    }
}
