using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Generators;

/// <summary>Recognises tool methods: [Tool] on the method, on a method it overrides, or on an interface method it implements.</summary>
internal static class ToolNames
{
    public static bool TryGet(IMethodSymbol method, [NotNullWhen(true)] out string? toolName) => TryGet(method, out toolName, out _);

    /// <summary>Also gives the member that carries the [Tool] attribute, whose effects are the tool's.</summary>
    public static bool TryGet(IMethodSymbol method, [NotNullWhen(true)] out string? toolName, [NotNullWhen(true)] out IMethodSymbol? declaration)
    {
        for (IMethodSymbol? current = method.OriginalDefinition; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
        {
            declaration = current;
            if (TryGetDeclared(current, out toolName))
                return true;
            // Calling the implementation on the class runs the same tool as calling it through the
            // interface, so it must be gated the same way.
            foreach (var implemented in ImplementedInterfaceMethods(current))
            {
                declaration = implemented.OriginalDefinition;
                if (TryGetDeclared(declaration, out toolName))
                    return true;
            }
        }
        toolName = null;
        declaration = null;
        return false;
    }

    private static bool TryGetDeclared(IMethodSymbol method, [NotNullWhen(true)] out string? toolName)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != KnownTypes.ToolAttribute)
                continue;
            toolName = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name
                ? name
                : method.Name;
            return true;
        }
        toolName = null;
        return false;
    }

    private static IEnumerable<IMethodSymbol> ImplementedInterfaceMethods(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (method.IsStatic || type is null || type.TypeKind == TypeKind.Interface)
            yield break;
        foreach (var candidate in type.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)).OfType<IMethodSymbol>())
        {
            if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate)?.OriginalDefinition, method))
                yield return candidate;
        }
    }
}
