using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Model;
using Trajeckt.Traj;

namespace Trajeckt.Generators;

/// <summary>
/// Dispatch rules (docs/mediation.md): a tool method is a [Tool] method and every member that overrides it,
/// implements it or is implemented by it, and all of them must be marked as the same tool (same name, same
/// effects). An interceptor binds the static target of a call, so a call through a member that is not a tool
/// would reach a tool body with no decision.
/// </summary>
internal static class ToolDispatch
{
    /// <summary>What a [Tool] method overrides or implements that is not the same tool.</summary>
    public static List<DiagnosticInfo> CheckDeclaration(IMethodSymbol method, ToolSpec spec, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var location = method.Locations.FirstOrDefault();
        var display = ToolDeclarationParser.Display(method);
        if (method.OverriddenMethod is { } overridden && Mismatch(overridden, spec, cancellationToken) is { } overrideMismatch)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ToolReachedByNonTool, location, display,
                $"overrides '{ToolDeclarationParser.Display(overridden)}', which {overrideMismatch}",
                $"mark '{ToolDeclarationParser.Display(overridden)}' as the same tool, or declare the tool as a separate non-virtual method that the override calls"));
        }
        foreach (var implemented in ImplementedInterfaceMembers(method))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var implementedDisplay = ToolDeclarationParser.Display(implemented);
            if (method.IsStatic)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ToolReachedByNonTool, location, display,
                    $"implements static interface member '{implementedDisplay}', which a type parameter calls (T.M()) where no interceptor can name the method",
                    "declare the tool as a separate static method outside the interface implementation and call it from there"));
            }
            else if (Mismatch(implemented, spec, cancellationToken) is { } mismatch)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ToolReachedByNonTool, location, display,
                    $"implements '{implementedDisplay}', which {mismatch}",
                    $"mark '{implementedDisplay}' as the same tool, or declare the tool as a separate method that the implementation calls"));
            }
        }
        return diagnostics;
    }

    /// <summary>
    /// Reports the members of the types declared in a file that a tool's calls dispatch to but that are not marked as
    /// that tool: an override of a tool, an implementation of an interface tool, or a method inherited from a base
    /// type that implements an interface tool for this type.
    /// </summary>
    public static void CheckTypes(SyntaxNode root, SemanticModel model, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var declaration in root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Not the syntax's base list: another part of a partial type may declare the bases.
            if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type
                || type.BaseType is null or { SpecialType: SpecialType.System_Object } && type.AllInterfaces.IsEmpty)
                continue;
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (!method.DeclaringSyntaxReferences.Any(r => declaration.Span.Contains(r.Span) && r.SyntaxTree == declaration.SyntaxTree)
                    || DeclaredTool(method, cancellationToken) is not null
                    || ToolDeclaration(method) is not { } tool)
                    continue;
                Report(diagnostics, method.Locations.FirstOrDefault(), ToolDeclarationParser.Display(method),
                    method.OverriddenMethod is not null ? " overrides" : " implements", tool, cancellationToken);
            }
            // Once per type, at its first declaration: a base type's method that implements an interface tool for this type.
            if (type.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) != declaration)
                continue;
            foreach (var member in type.AllInterfaces.SelectMany(i => i.GetMembers()).OfType<IMethodSymbol>())
            {
                if (member.IsStatic || DeclaredTool(member, cancellationToken) is null
                    || type.FindImplementationForInterfaceMember(member) is not IMethodSymbol implementation
                    || SymbolEqualityComparer.Default.Equals(implementation.ContainingType, type)
                    || implementation.ContainingType?.TypeKind == TypeKind.Interface
                    || DeclaredTool(implementation, cancellationToken) is not null)
                    continue;
                Report(diagnostics, declaration.Identifier.GetLocation(),
                    ToolDeclarationParser.Display(implementation), $", which {type.Name} inherits, implements", member, cancellationToken);
            }
        }
    }

    /// <summary>The [Tool] member at the top of a [Tool] method's overrides and interface implementations.</summary>
    public static IMethodSymbol Root(IMethodSymbol method)
    {
        var root = method.OriginalDefinition;
        for (var guard = 0; guard < 64 && ToolDeclaration(root) is { } above; guard++)
            root = above.OriginalDefinition;
        return root;
    }

    // The member that carries [Tool] for a method that is a tool by dispatch: what it overrides or implements.
    private static IMethodSymbol? ToolDeclaration(IMethodSymbol method)
    {
        for (var current = method.OverriddenMethod; current is not null; current = current.OverriddenMethod)
        {
            if (HasToolAttribute(current))
                return current;
        }
        return ImplementedInterfaceMembers(method).FirstOrDefault(HasToolAttribute);
    }

    private static void Report(List<DiagnosticInfo> diagnostics, Location? location, string display, string relation, IMethodSymbol tool, CancellationToken cancellationToken)
    {
        var declared = ToolParser.Parse(tool.OriginalDefinition, cancellationToken);
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnmarkedToolOverride, location, display, relation, declared.ToolName, "effects: " + declared.Identity));
    }

    private static bool HasToolAttribute(IMethodSymbol method) =>
        method.OriginalDefinition.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownTypes.ToolAttribute);

    /// <summary>The tool <paramref name="member"/> is declared as (name and effects), or <see langword="null"/> when it is not marked [Tool].</summary>
    public static (string Name, string Identity)? DeclaredTool(IMethodSymbol member, CancellationToken cancellationToken)
    {
        if (!HasToolAttribute(member))
            return null;
        var spec = ToolParser.Parse(member.OriginalDefinition, cancellationToken);
        return (spec.ToolName, spec.Identity);
    }

    /// <summary>The interface members that <paramref name="method"/> implements, explicitly or implicitly, in its own type.</summary>
    public static IEnumerable<IMethodSymbol> ImplementedInterfaceMembers(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
            return Enumerable.Empty<IMethodSymbol>();
        if (method.ExplicitInterfaceImplementations.Length > 0)
            return method.ExplicitInterfaceImplementations;
        return type.AllInterfaces
            .SelectMany(i => i.GetMembers(method.Name))
            .OfType<IMethodSymbol>()
            .Where(candidate => SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), method));
    }

    // What is wrong with the other member as the same tool, or null when it is the same tool.
    private static string? Mismatch(IMethodSymbol other, ToolSpec spec, CancellationToken cancellationToken)
    {
        if (DeclaredTool(other, cancellationToken) is not { } tool)
            return "is not marked [Tool]";
        if (tool.Name != spec.ToolName)
            return $"is tool '{tool.Name}', not '{spec.ToolName}'";
        if (tool.Identity != spec.Identity)
            return $"declares tool '{tool.Name}' with effects '{tool.Identity}', not '{spec.Identity}'";
        return null;
    }
}
