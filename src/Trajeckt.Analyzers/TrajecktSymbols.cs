using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Trajeckt.Generators;

namespace Trajeckt.Analyzers;

/// <summary>
/// The Trajeckt types of one compilation, found once at compilation start, and a cache of which methods
/// are tools (the generator's own <see cref="ToolNames"/> rule). <see langword="null"/> from
/// <see cref="TryCreate"/> when the project does not reference the Trajeckt runtime: nothing to check.
/// </summary>
internal sealed class TrajecktSymbols
{
    private readonly ConcurrentDictionary<IMethodSymbol, string?> _tools = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, IMethodSymbol?> _typesWithTools = new(SymbolEqualityComparer.Default);

    private TrajecktSymbols(Compilation compilation, INamedTypeSymbol toolAttribute)
    {
        Compilation = compilation;
        ToolAttribute = toolAttribute;
        AIFunctionFactory = compilation.GetTypeByMetadataName(KnownTypes.AIFunctionFactory);
        Session = compilation.GetTypeByMetadataName("Trajeckt.TrajecktSession");
        EffectAttributes = new[]
        {
            compilation.GetTypeByMetadataName(KnownTypes.SensitiveReadAttribute),
            compilation.GetTypeByMetadataName(KnownTypes.SinkAttribute),
            compilation.GetTypeByMetadataName(KnownTypes.OriginAttribute),
            compilation.GetTypeByMetadataName(KnownTypes.ShellExecAttribute),
            compilation.GetTypeByMetadataName(KnownTypes.NetworkEgressAttribute),
        };
        OriginAttribute = EffectAttributes[2];
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol ToolAttribute { get; }

    /// <summary>The effect attributes that exist in this compilation (entries may be null).</summary>
    public IReadOnlyList<INamedTypeSymbol?> EffectAttributes { get; }

    public INamedTypeSymbol? OriginAttribute { get; }

    public INamedTypeSymbol? AIFunctionFactory { get; }

    public INamedTypeSymbol? Session { get; }

    public static TrajecktSymbols? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName(KnownTypes.ToolAttribute) is { } tool ? new TrajecktSymbols(compilation, tool) : null;

    /// <summary>Whether <paramref name="method"/> is a tool, as the generator decides it.</summary>
    public bool TryGetTool(IMethodSymbol method, [NotNullWhen(true)] out string? toolName)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        toolName = _tools.GetOrAdd(definition, static m => ToolNames.TryGet(m, out var name) ? name : null);
        return toolName is not null;
    }

    /// <summary>The first tool among the methods of <paramref name="type"/> and its base types, with its name, or <see langword="null"/>.</summary>
    public (string Name, IMethodSymbol Method)? FirstToolOf(ITypeSymbol type)
    {
        var method = _typesWithTools.GetOrAdd(type, t =>
        {
            for (var current = t; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol candidate && TryGetTool(candidate, out _))
                        return candidate;
                }
            }
            return null;
        });
        return method is not null && TryGetTool(method, out var name) ? (name, method) : null;
    }

    public bool IsEffectAttribute(INamedTypeSymbol? type)
    {
        foreach (var effect in EffectAttributes)
        {
            if (effect is not null && SymbolEqualityComparer.Default.Equals(effect, type))
                return true;
        }
        return false;
    }
}
