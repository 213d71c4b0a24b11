using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Generators.Tests.Infrastructure;

/// <summary>
/// Finds what a pipeline model must not hold: a symbol, syntax node, tree, semantic model, location or
/// compilation in a cached step output keeps a whole compilation alive and defeats caching (their equality
/// is by reference). Walks the declared field types recursively, as the .NET runtime's generator tests do.
/// </summary>
internal static class PipelineModels
{
    private static readonly Type[] s_forbidden =
        [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Compilation), typeof(Location)];

    /// <summary>The paths (Type.field.field) that lead from <paramref name="root"/> to a forbidden type.</summary>
    public static IReadOnlyList<string> ForbiddenMembers(Type root)
    {
        var found = new List<string>();
        Walk(root, root.Name, new HashSet<Type>(), found);
        return found;
    }

    private static void Walk(Type type, string path, HashSet<Type> visited, List<string> found)
    {
        if (s_forbidden.Any(f => f.IsAssignableFrom(type)))
        {
            found.Add($"{path} ({type.Name})");
            return;
        }
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || !visited.Add(type))
            return;
        if (type.IsArray)
        {
            Walk(type.GetElementType()!, path + "[]", visited, found);
            return;
        }
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
                Walk(argument, $"{path}<{argument.Name}>", visited, found);
        }
        // Only Trajeckt's own types are opened up; a framework or Roslyn type is judged by itself and its type arguments.
        if (type.Assembly.GetName().Name?.StartsWith("Trajeckt.", StringComparison.Ordinal) != true && !IsTuple(type))
            return;
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            Walk(field.FieldType, path + "." + field.Name, visited, found);
    }

    private static bool IsTuple(Type type) => typeof(System.Runtime.CompilerServices.ITuple).IsAssignableFrom(type);
}
