using Microsoft.CodeAnalysis;

namespace Trajeckt.Generators.Tests.Infrastructure;

/// <summary>
/// The references a test compilation is built against: the running runtime's trusted platform assemblies
/// (offline, nothing downloaded) with Trajeckt.Runtime and Trajeckt.Traj. Microsoft.Extensions.AI is left
/// out unless a test asks for it, because its presence alone makes the generator emit the gated AIFunction.
/// </summary>
internal static class CompilationReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_withoutAI = new(() => Load(includeAI: false));
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_withAI = new(() => Load(includeAI: true));

    public static IReadOnlyList<MetadataReference> Get(bool includeAI) => includeAI ? s_withAI.Value : s_withoutAI.Value;

    private static IReadOnlyList<MetadataReference> Load(bool includeAI)
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? throw new InvalidOperationException("no trusted platform assemblies"))
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var paths = trusted
            .Append(typeof(ToolAttribute).Assembly.Location)
            .Append(typeof(Trajeckt.Traj.TrajCompiler).Assembly.Location)
            .Where(path => includeAI || !Path.GetFileName(path).StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);
        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }
}
