using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Generators;

/// <summary>
/// Which methods may be tools: only those whose every call is an explicit invocation the generator can
/// intercept. The lists here are written down in docs/mediation.md ("Declarations").
/// </summary>
internal static class ToolRules
{
    // Names the C# compiler binds by pattern (or the runtime calls by name): a call it makes for you has no
    // invocation to intercept. Forbidden whatever the signature, static or not (a query over a type name binds statics).
    private static readonly Dictionary<string, string> s_patternNames = new(System.StringComparer.Ordinal)
    {
        ["GetEnumerator"] = "foreach",
        ["MoveNext"] = "foreach",
        ["GetAsyncEnumerator"] = "await foreach",
        ["MoveNextAsync"] = "await foreach",
        ["Dispose"] = "using and foreach",
        ["DisposeAsync"] = "await using and await foreach",
        ["GetAwaiter"] = "await",
        ["GetResult"] = "await",
        ["OnCompleted"] = "await",
        ["UnsafeOnCompleted"] = "await",
        ["Deconstruct"] = "deconstruction and positional patterns",
        ["Add"] = "collection initializers and collection expressions",
        ["Select"] = "query expressions",
        ["SelectMany"] = "query expressions",
        ["Where"] = "query expressions",
        ["Join"] = "query expressions",
        ["GroupJoin"] = "query expressions",
        ["OrderBy"] = "query expressions",
        ["OrderByDescending"] = "query expressions",
        ["ThenBy"] = "query expressions",
        ["ThenByDescending"] = "query expressions",
        ["GroupBy"] = "query expressions",
        ["Cast"] = "query expressions",
        ["Slice"] = "ranges (x[a..b])",
        ["GetPinnableReference"] = "fixed statements",
        ["AppendLiteral"] = "interpolated string handlers",
        ["AppendFormatted"] = "interpolated string handlers",
        ["EnterScope"] = "lock statements",
        ["Invoke"] = "delegate invocation",
        ["ToString"] = "string interpolation and concatenation",
        ["PrintMembers"] = "a record's ToString",
        ["Equals"] = "equality of records, tuples and collections",
        ["GetHashCode"] = "hashing of records, tuples and collections",
        ["Finalize"] = "the garbage collector",
    };

    private static readonly string[] s_serializationCallbacks =
    {
        "System.Runtime.Serialization.OnSerializingAttribute",
        "System.Runtime.Serialization.OnSerializedAttribute",
        "System.Runtime.Serialization.OnDeserializingAttribute",
        "System.Runtime.Serialization.OnDeserializedAttribute",
    };

    /// <summary>The names that a tool method may not have, with the construct that calls each implicitly.</summary>
    public static IReadOnlyDictionary<string, string> PatternNames => s_patternNames;

    /// <summary>Why no interceptor can gate every call of the member, or <see langword="null"/>.</summary>
    public static string? WhyUngateable(IMethodSymbol method)
    {
        var kind = method.MethodKind switch
        {
            MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation => null,
            MethodKind.PropertyGet or MethodKind.PropertySet => "it is a property or indexer accessor, which the compiler calls without an invocation to intercept",
            MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise => "it is an event accessor, which += and -= call implicitly",
            MethodKind.UserDefinedOperator or MethodKind.BuiltinOperator => "it is an operator, which expressions call implicitly",
            MethodKind.Conversion => "it is a conversion operator, which casts and assignments call implicitly",
            MethodKind.Destructor => "it is a finalizer, which the garbage collector calls",
            MethodKind.LocalFunction => "it is a local function, which no generated code can name",
            MethodKind.AnonymousFunction => "it is a lambda, which runs through a delegate",
            MethodKind.Constructor or MethodKind.StaticConstructor => "it is a constructor",
            _ => $"it is a {method.MethodKind} method",
        };
        if (kind is not null)
            return kind;
        if (method.ContainingType is { IsExtension: true })
            return "it is a member of an extension block (C# 14), whose calls the generator cannot intercept; make it a classic 'this' extension method";
        if (method.IsStatic && (method.IsAbstract || method.IsVirtual) && method.ContainingType?.TypeKind == TypeKind.Interface)
            return "it is a static abstract or virtual interface member, which only a type parameter can call (T.M()), and no interceptor can name it";
        return null;
    }

    /// <summary>Why the runtime (not a call the generator sees) may run the method, or <see langword="null"/>.</summary>
    public static string? WhyRuntimeCalled(IMethodSymbol method)
    {
        if (method.IsStatic && method.Name == "Main")
            return "a static method named Main can be the program's entry point";
        foreach (var attribute in method.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case "System.Runtime.CompilerServices.ModuleInitializerAttribute":
                    return "it is a [ModuleInitializer], which the runtime runs when the module loads";
                case "System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute":
                    return "it is [UnmanagedCallersOnly], which native code calls through a function pointer";
                case { } name when s_serializationCallbacks.Contains(name):
                    return "it is a serialization callback, which serializers call by reflection";
            }
        }
        return null;
    }

    /// <summary>Why the compiler may call the method for code that does not name it, or <see langword="null"/>.</summary>
    public static string? WhyImplicitlyCalled(IMethodSymbol method)
    {
        if (s_patternNames.TryGetValue(method.Name, out var construct))
            return $"the compiler calls a method named '{method.Name}' implicitly ({construct})";
        // [CollectionBuilder(typeof(B), "AnyName")] names its method freely: recognise the shape instead.
        if (method.IsStatic && !method.ReturnsVoid && method.Parameters.Length == 1
            && method.Parameters[0].Type.OriginalDefinition.ToDisplayString() == "System.ReadOnlySpan<T>")
            return "a static method that takes one ReadOnlySpan<T> and returns a value can be a [CollectionBuilder] method, which collection expressions call implicitly";
        return null;
    }
}
