using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers;

/// <summary>
/// Finds tools reached by reflection: <c>MethodBase.Invoke</c>, <c>MethodInfo.CreateDelegate</c> and
/// <c>Delegate.CreateDelegate</c> on a method that <c>Type.GetMethod("name")</c> found in a type with a
/// tool of that name (directly, or through a local initialised so).
/// </summary>
internal static class ReflectedTools
{
    /// <summary>Whether a method of this name may invoke or bind a method by reflection.</summary>
    public static bool IsCandidateName(string name) => name is "Invoke" or "CreateDelegate";

    public static (string Tool, string How, IMethodSymbol Method)? Find(IInvocationOperation invocation, TrajecktSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType?.ToDisplayString();
        switch (type, method.Name)
        {
            case ("System.Reflection.MethodBase", "Invoke"):
            case ("System.Reflection.MethodInfo", "Invoke"):
                return FromMethodInfo(invocation.Instance, "MethodInfo.Invoke", symbols);
            case ("System.Reflection.MethodInfo", "CreateDelegate"):
                return FromMethodInfo(invocation.Instance, "a delegate made by MethodInfo.CreateDelegate", symbols);
            case ("System.Delegate", "CreateDelegate"):
                return FromDelegateCreateDelegate(invocation, symbols);
            default:
                return null;
        }
    }

    private static (string, string, IMethodSymbol)? FromDelegateCreateDelegate(IInvocationOperation invocation, TrajecktSymbols symbols)
    {
        const string how = "a delegate made by Delegate.CreateDelegate";
        var byParameter = invocation.Arguments.ToDictionary(a => a.Parameter?.Name ?? "", a => a.Value);
        if (byParameter.TryGetValue("method", out var methodArgument))
        {
            if (methodArgument.Type?.SpecialType == SpecialType.System_String && methodArgument.ConstantValue is { HasValue: true, Value: string name }
                && byParameter.TryGetValue("target", out var target) && TargetType(target) is { } targetType)
                return Lookup(targetType, name, how, symbols);
            return FromMethodInfo(methodArgument, how, symbols);
        }
        return null;
    }

    private static ITypeSymbol? TargetType(IOperation target) => Operations.WithoutConversions(target) switch
    {
        ITypeOfOperation typeOf => typeOf.TypeOperand,
        { } value => value.Type,
        _ => null,
    };

    /// <summary>The tool a <c>MethodInfo</c>-valued operation stands for, when it was found by a constant name.</summary>
    public static (string Tool, IMethodSymbol Method)? ToolOf(IOperation? methodInfo, TrajecktSymbols symbols) =>
        FromMethodInfo(methodInfo, "", symbols) is var (tool, _, method) ? (tool, method) : null;

    private static (string, string, IMethodSymbol)? FromMethodInfo(IOperation? methodInfo, string how, TrajecktSymbols symbols)
    {
        var value = Operations.WithoutConversions(methodInfo);
        if (value is ILocalReferenceOperation local)
            value = Operations.WithoutConversions(Initializer(local));
        if (value is not IInvocationOperation { TargetMethod.Name: "GetMethod" or "GetRuntimeMethod" } getMethod)
            return null;
        var nameArgument = getMethod.Arguments.FirstOrDefault(a => a.Value.Type?.SpecialType == SpecialType.System_String);
        if (nameArgument?.Value.ConstantValue is not { HasValue: true, Value: string name })
            return null;
        var receiver = Operations.WithoutConversions(getMethod.Instance ?? getMethod.Arguments.FirstOrDefault()?.Value);
        var type = receiver switch
        {
            ITypeOfOperation typeOf => typeOf.TypeOperand,
            IInvocationOperation { TargetMethod.Name: "GetType", Instance: { } instance } => instance.Type,
            _ => null,
        };
        return type is null ? null : Lookup(type, name, how, symbols);
    }

    private static IOperation? Initializer(ILocalReferenceOperation local)
    {
        var root = local;
        IOperation current = root;
        while (current.Parent is { } parent)
            current = parent;
        return current.Descendants().OfType<IVariableDeclaratorOperation>()
            .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local))?.Initializer?.Value;
    }

    private static (string, string, IMethodSymbol)? Lookup(ITypeSymbol type, string name, string how, TrajecktSymbols symbols)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var method in current.GetMembers(name).OfType<IMethodSymbol>())
            {
                if (symbols.TryGetTool(method, out var tool))
                    return (tool, how, method);
            }
        }
        return null;
    }
}
