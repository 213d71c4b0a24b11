using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Trajeckt.Extensions.AI;

/// <summary>
/// The tool a method runs, by its <see cref="ToolAttribute"/> (the method's name for a bare <c>[Tool]</c>: the
/// generator's rule). Looked up once per method: reading attributes by reflection costs more than deciding the call.
/// </summary>
internal static class ToolMethodNames
{
    // Weak keys: a collectible assembly's methods are not kept alive by having been called as tools.
    private static readonly ConditionalWeakTable<MethodInfo, string?> s_names = new();

    public static bool TryGet(MethodInfo? method, [NotNullWhen(true)] out string? toolName)
    {
        toolName = method is null ? null : s_names.GetValue(method, static m => m.GetCustomAttribute<ToolAttribute>() is { } tool ? tool.Name ?? m.Name : null);
        return toolName is not null;
    }
}
