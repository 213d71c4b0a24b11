using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Model;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Generators;

/// <summary>
/// Accepts [Tool] only where the generator can gate every call (docs/mediation.md): an ordinary method, a classic
/// extension method, or an explicit implementation of an interface tool. Anywhere else the attribute is an
/// error at the declaration, never ignored; so is a tool that a non-tool member reaches through dispatch.
/// </summary>
internal static class ToolDeclarationParser
{
    public static ToolSpec Parse(ISymbol symbol, SyntaxNode node, CancellationToken cancellationToken)
    {
        try
        {
            if (symbol is not IMethodSymbol method)
                return Rejected(symbol, DiagnosticDescriptors.UngateableToolMember, $"it is a {symbol.Kind.ToString().ToLowerInvariant()}");
            if (ToolRules.WhyUngateable(method) is { } ungateable)
                return Rejected(method, DiagnosticDescriptors.UngateableToolMember, ungateable);
            if (ToolRules.WhyRuntimeCalled(method) is { } runtime)
                return Rejected(method, DiagnosticDescriptors.RuntimeCalledTool, runtime);
            if (ToolRules.WhyImplicitlyCalled(method) is { } implicitly)
                return Rejected(method, DiagnosticDescriptors.ImplicitlyCalledTool, implicitly);

            var spec = ToolParser.Parse(method, cancellationToken);
            var dispatch = ToolDispatch.CheckDeclaration(method, spec, cancellationToken);
            spec = spec with { Root = Display(ToolDispatch.Root(method)) };
            return dispatch.Count == 0 ? spec : spec with { Diagnostics = spec.Diagnostics.Concat(dispatch).ToEquatableArray() };
        }
        catch (System.Exception e) when (GeneratorFailure.IsFailure(e, cancellationToken))
        {
            var location = node.GetLocation();
            return Invalid(symbol, location, GeneratorFailure.Diagnostic(e, node.SyntaxTree.FilePath, location));
        }
    }

    private static ToolSpec Rejected(ISymbol symbol, DiagnosticDescriptor descriptor, string reason)
    {
        var location = symbol.Locations.FirstOrDefault();
        return Invalid(symbol, location, DiagnosticInfo.Create(descriptor, location, Display(symbol), reason));
    }

    // Never a tool of the graph: an invalid spec only carries its diagnostic.
    private static ToolSpec Invalid(ISymbol symbol, Location? location, DiagnosticInfo diagnostic) =>
        new(symbol.Name, Display(symbol), ToolFunctionSpec.None("its declaration is invalid"), ToolEffects.None, EquatableArray<string>.Empty,
            global::Trajeckt.Trust.ToolOutput, null, LocationInfo.From(location), new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));

    public static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}
