using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers.Mediation;

/// <summary>
/// Which types a <c>System.Type</c>-valued operation may stand for at run time: <c>typeof(T)</c> is exactly
/// T; <c>x.GetType()</c> is x's static type or any type derived from it; <c>Type.GetType("App.Tools")</c>
/// with a constant name is the type of that name; a local is what it is initialised with, if it is never
/// assigned again. Anything else is unknown.
/// </summary>
internal sealed class ReflectedTypes
{
    private readonly Compilation _compilation;
    private readonly TrajecktSymbols _symbols;
    private ImmutableArray<INamedTypeSymbol>? _sourceToolTypes;

    public ReflectedTypes(Compilation compilation, TrajecktSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
    }

    /// <summary>The types an operation may be, or <see langword="null"/> when that cannot be known statically.</summary>
    public IReadOnlyList<ITypeSymbol>? Resolve(IOperation? type, CancellationToken cancellationToken)
    {
        switch (Operations.WithoutConversions(type))
        {
            case ITypeOfOperation typeOf:
                return [typeOf.TypeOperand];
            case IInvocationOperation { TargetMethod.Name: "GetType", TargetMethod.Parameters.Length: 0, Instance: { } instance }:
                return instance.Type is { } staticType ? MayBe(staticType, cancellationToken) : null;
            case IInvocationOperation { TargetMethod.Name: "GetType" } byName when ConstantTypeName(byName) is { } name:
                return ByName(name) is { } named ? [named] : null;
            case IInvocationOperation { TargetMethod.Name: "GetTypeInfo" or "AsType" } wrapper:
                return Resolve(wrapper.Instance ?? wrapper.Arguments.FirstOrDefault()?.Value, cancellationToken);
            case ILocalReferenceOperation local when SingleValue(local) is { } value:
                return Resolve(value, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>The type a constant name passed to <c>Type.GetType</c>/<c>Assembly.GetType</c> names, if it is declared here or in a reference.</summary>
    public INamedTypeSymbol? ByName(string name)
    {
        var comma = name.IndexOf(',');
        return _compilation.GetTypeByMetadataName((comma < 0 ? name : name.Substring(0, comma)).Trim());
    }

    public static string? ConstantTypeName(IInvocationOperation getType) =>
        getType.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;

    /// <summary><paramref name="type"/> and every source type derived from it (or implementing it) that declares a tool.</summary>
    public IReadOnlyList<ITypeSymbol> MayBe(ITypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.IsSealed || type.IsValueType)
            return [type];
        var result = new List<ITypeSymbol> { type };
        foreach (var candidate in SourceToolTypes(cancellationToken))
        {
            // A static class has no instances, so no GetType() returns it.
            if (!candidate.IsStatic && !SymbolEqualityComparer.Default.Equals(candidate, type) && IsAssignableTo(candidate, type))
                result.Add(candidate);
        }
        return result;
    }

    private bool IsAssignableTo(INamedTypeSymbol candidate, ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.TypeParameter)
            return true;
        var conversion = _compilation.ClassifyCommonConversion(candidate, type);
        return conversion.IsImplicit && conversion.IsReference;
    }

    // Every type of this compilation that declares or inherits a tool, found once.
    private ImmutableArray<INamedTypeSymbol> SourceToolTypes(CancellationToken cancellationToken)
    {
        if (_sourceToolTypes is { } known)
            return known;
        var found = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var type in SourceTypes.All(_compilation, cancellationToken))
        {
            if (_symbols.FirstToolOf(type) is not null)
                found.Add(type);
        }
        _sourceToolTypes = found.ToImmutable();
        return _sourceToolTypes.Value;
    }

    // The value of a local that is assigned only where it is declared.
    private static IOperation? SingleValue(ILocalReferenceOperation local)
    {
        IOperation root = local;
        while (root.Parent is { } parent)
            root = parent;
        IOperation? value = null;
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local):
                    value = declarator.Initializer?.Value;
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local.Local):
                    return null;
            }
        }
        return value;
    }
}
