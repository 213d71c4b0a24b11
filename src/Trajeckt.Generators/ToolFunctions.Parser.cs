using System.Linq;
using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Model;

namespace Trajeckt.Generators;

/// <summary>
/// Describes how a [Tool] method becomes an AIFunction in the generated <c>CreateAIFunctions</c>: through an
/// explicit Func or Action, so that overloads never make the method group ambiguous. AIFunctionFactory reads
/// the parameters from the method itself, so the delegate type loses none of their names or defaults.
/// </summary>
internal static class ToolFunctionParser
{
    // Func<T1, ..., T16, TResult> is the largest.
    private const int MaxParameters = 16;

    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static ToolFunctionSpec Describe(IMethodSymbol method)
    {
        if (WhyUnavailable(method) is { } reason)
            return ToolFunctionSpec.None(reason);
        var types = method.Parameters.Select(p => Display(p.Type)).ToList();
        string delegateType;
        if (method.ReturnsVoid)
            delegateType = types.Count == 0 ? "global::System.Action" : $"global::System.Action<{string.Join(", ", types)}>";
        else
            delegateType = $"global::System.Func<{string.Join(", ", types.Append(Display(method.ReturnType)))}>";
        return new ToolFunctionSpec(Display(method.ContainingType), TargetName(method.ContainingType), method.Name, method.IsStatic, delegateType, Unavailable: null);
    }

    private static string? WhyUnavailable(IMethodSymbol method)
    {
        if (!GeneratedCodeAccess.IsReachableFromOtherTypes(method) || !GeneratedCodeAccess.IsAccessible(method.ContainingType))
            return "its method or its type is not accessible to generated code (make them internal or public)";
        if (method.IsGenericMethod || HasTypeParameters(method.ContainingType))
            return "it is generic, and a function needs fixed types";
        if (method.IsStatic && method.IsAbstract)
            return "it is a static abstract interface member, which only a type argument can call";
        if (!method.IsStatic && method.ContainingType.IsValueType)
            return "it is an instance method of a struct, which a function would run on a boxed copy";
        if (method.Parameters.Length > MaxParameters)
            return $"it has more than {MaxParameters} parameters";
        if (method.Parameters.Any(p => p.RefKind != RefKind.None || IsUnbindable(p.Type)))
            return "a model cannot pass its ref, out, in, pointer or ref struct parameters";
        if (method.ReturnsByRef || method.ReturnsByRefReadonly || !method.ReturnsVoid && IsUnbindable(method.ReturnType))
            return "it returns by reference, a pointer or a ref struct";
        if (method.Parameters.Any(p => !GeneratedCodeAccess.IsNameable(p.Type)) || !method.ReturnsVoid && !GeneratedCodeAccess.IsNameable(method.ReturnType))
            return "its signature uses types that generated code cannot name";
        return null;
    }

    private static bool IsUnbindable(ITypeSymbol type) =>
        type.IsRefLikeType || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer;

    // Mailer -> mailer; an interface INotes -> notes.
    private static string TargetName(INamedTypeSymbol type)
    {
        var name = type.Name;
        if (type.TypeKind == TypeKind.Interface && name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
            name = name.Substring(1);
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static bool HasTypeParameters(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
                return true;
        }
        return false;
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(s_typeFormat);
}
