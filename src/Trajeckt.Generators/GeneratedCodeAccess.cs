using System.Linq;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Generators;

/// <summary>What code the generator writes in a file of its own can name and call.</summary>
internal static class GeneratedCodeAccess
{
    /// <summary>Whether a method can be called from outside its type (neither it nor a containing type is private or protected).</summary>
    public static bool IsReachableFromOtherTypes(IMethodSymbol method)
    {
        for (ISymbol? symbol = method; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                return false;
        }
        return true;
    }

    /// <summary>Whether a type and every type that contains it can be named from another file of the assembly.</summary>
    public static bool IsAccessible(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal || current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                return false;
        }
        return true;
    }

    /// <summary>Whether a type can be spelled in another file: no type parameters, anonymous types or inaccessible types in it.</summary>
    public static bool IsNameable(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => false,
        IArrayTypeSymbol array => IsNameable(array.ElementType),
        IPointerTypeSymbol pointer => IsNameable(pointer.PointedAtType),
        INamedTypeSymbol named => !named.IsAnonymousType && IsAccessible(named) && named.TypeArguments.All(IsNameable),
        _ => true,
    };
}
