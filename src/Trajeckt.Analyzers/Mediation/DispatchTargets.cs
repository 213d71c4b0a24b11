using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Analyzers.Mediation;

/// <summary>
/// Methods that are not tools by the generator's rule but whose call the runtime may dispatch to a tool
/// body (docs/mediation.md: "is implemented by one"): a non-tool base method that a tool overrides, a non-tool
/// interface member (instance or static abstract) that a tool implements, and a non-tool method that
/// implements a tool interface member for a derived type. The generator's declaration rules refuse such
/// tools; this check also refuses every call of such a method whose receiver may be the tool's type,
/// so a dispatch the declaration rules miss is still no bypass. Found once, over the source types.
/// </summary>
internal sealed class DispatchTargets
{
    private readonly Compilation _compilation;
    private readonly TrajecktSymbols _symbols;
    private Dictionary<IMethodSymbol, List<(string Tool, INamedTypeSymbol Type)>>? _targets;

    public DispatchTargets(Compilation compilation, TrajecktSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
    }

    /// <summary>The tool a call of <paramref name="method"/> on a receiver of static type <paramref name="receiver"/> may run, if any.</summary>
    public string? ToolReachedBy(IMethodSymbol method, ITypeSymbol? receiver, CancellationToken cancellationToken)
    {
        var targets = _targets ?? Build(cancellationToken);
        if (!targets.TryGetValue(method.OriginalDefinition, out var tools))
            return null;
        foreach (var (tool, type) in tools)
        {
            if (receiver is null || receiver.TypeKind is TypeKind.TypeParameter or TypeKind.Interface
                || _compilation.ClassifyCommonConversion(type, receiver) is { IsImplicit: true, IsReference: true } || SymbolEqualityComparer.Default.Equals(type, receiver))
                return tool;
        }
        return null;
    }

    private Dictionary<IMethodSymbol, List<(string, INamedTypeSymbol)>> Build(CancellationToken cancellationToken)
    {
        var targets = new Dictionary<IMethodSymbol, List<(string, INamedTypeSymbol)>>(SymbolEqualityComparer.Default);
        foreach (var type in SourceTypes.All(_compilation, cancellationToken))
        {
            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol method || !_symbols.TryGetTool(method, out var tool))
                    continue;
                for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (!_symbols.TryGetTool(overridden, out _))
                        Add(targets, overridden, tool, type);
                }
            }
            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers())
                {
                    if (member is not IMethodSymbol interfaceMethod || type.FindImplementationForInterfaceMember(interfaceMethod) is not IMethodSymbol implementation)
                        continue;
                    var implementationIsTool = _symbols.TryGetTool(implementation, out var implementationTool);
                    var interfaceIsTool = _symbols.TryGetTool(interfaceMethod, out var interfaceTool);
                    if (implementationIsTool && !interfaceIsTool)
                        Add(targets, interfaceMethod, implementationTool!, type);
                    else if (interfaceIsTool && !implementationIsTool)
                        Add(targets, implementation, interfaceTool!, type);
                }
            }
        }
        _targets = targets;
        return targets;
    }

    private static void Add(Dictionary<IMethodSymbol, List<(string, INamedTypeSymbol)>> targets, IMethodSymbol method, string tool, INamedTypeSymbol type)
    {
        if (!targets.TryGetValue(method.OriginalDefinition, out var list))
            targets[method.OriginalDefinition] = list = new List<(string, INamedTypeSymbol)>();
        list.Add((tool, type));
    }
}
