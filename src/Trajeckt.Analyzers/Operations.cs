using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Trajeckt.Analyzers;

/// <summary>Small IOperation helpers the analyzers share.</summary>
internal static class Operations
{
    public static IOperation? WithoutConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        return operation;
    }

    public static bool IsInside<T>(IOperation operation)
        where T : IOperation
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is T)
                return true;
        }
        return false;
    }

    /// <summary>The argument that <paramref name="operation"/> is the value of (through conversions and delegate creation), if any.</summary>
    public static IArgumentOperation? EnclosingArgument(IOperation operation)
    {
        var current = operation.Parent;
        while (current is IConversionOperation or IDelegateCreationOperation)
            current = current.Parent;
        return current as IArgumentOperation;
    }

    /// <summary>The first call of a tool inside <paramref name="function"/>'s body, with the tool's name.</summary>
    public static (IInvocationOperation Call, string Tool)? FirstToolCall(IAnonymousFunctionOperation function, TrajecktSymbols symbols)
    {
        foreach (var invocation in function.Body.Descendants().OfType<IInvocationOperation>())
        {
            if (symbols.TryGetTool(invocation.TargetMethod, out var tool))
                return (invocation, tool);
        }
        return null;
    }

    /// <summary>A method group's text as a user would write it where the tool is declared: <c>Type.Method</c> or <c>Method</c>.</summary>
    public static string MethodGroupText(IMethodSymbol method) =>
        method.IsStatic ? method.ContainingType.Name + "." + method.Name : method.Name;
}
