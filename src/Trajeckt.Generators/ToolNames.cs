using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Generators;

/// <summary>Recognises tool methods: [Tool] on the method, or on a method it overrides.</summary>
internal static class ToolNames
{
    public static bool TryGet(IMethodSymbol method, [NotNullWhen(true)] out string? toolName)
    {
        for (IMethodSymbol? current = method.OriginalDefinition; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != KnownTypes.ToolAttribute)
                    continue;
                toolName = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name
                    ? name
                    : current.Name;
                return true;
            }
        }
        toolName = null;
        return false;
    }
}
