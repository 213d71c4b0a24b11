using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Analyzers;

/// <summary>
/// Recognises, by metadata name, the agent-framework registrations of docs/mediation.md: the one the
/// generator gates (<c>AIFunctionFactory.Create(toolMethodGroup, ...)</c>) and the ones it does not
/// (Semantic Kernel's function and plugin factories, ModelContextProtocol's <c>McpServerTool.Create</c>
/// and <c>WithTools</c>).
/// </summary>
internal static class Registrations
{
    private static readonly HashSet<string> s_semanticKernelMethods = new(System.StringComparer.Ordinal)
    {
        "CreateFromMethod", "CreateFunctionFromMethod",
        "CreateFromType", "CreateFromObject", "CreatePluginFromType", "CreatePluginFromObject",
        "AddFromType", "AddFromObject", "ImportPluginFromType", "ImportPluginFromObject",
    };

    /// <summary>Whether a method of this name may be a registration, gated or not.</summary>
    public static bool IsCandidateName(string name) => name is "Create" or "WithTools" || s_semanticKernelMethods.Contains(name);

    /// <summary>The gated registration: the generator intercepts it when its first argument is a tool's method group.</summary>
    public static bool IsAIFunctionFactoryCreate(IMethodSymbol method, TrajecktSymbols symbols) =>
        method.Name == "Create" && method.IsStatic && method.Parameters.Length > 0
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.AIFunctionFactory)
        && method.Parameters[0].Type.SpecialType == SpecialType.System_Delegate;

    /// <summary><c>AIFunctionFactory.Create(MethodInfo, ...)</c>: reflection-based, and not intercepted by the generator.</summary>
    public static bool IsAIFunctionFactoryCreateFromMethodInfo(IMethodSymbol method, TrajecktSymbols symbols) =>
        method.Name == "Create" && method.IsStatic && method.Parameters.Length > 0
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.AIFunctionFactory)
        && method.Parameters[0].Type.ToDisplayString() == "System.Reflection.MethodInfo";

    /// <summary>The name to show for an ungated registration method (e.g. <c>KernelPluginFactory.CreateFromType</c>), or <see langword="null"/>.</summary>
    public static string? UngatedRegistration(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        var type = definition.ContainingType;
        if (type is null)
            return null;
        var ns = type.ContainingNamespace?.ToDisplayString();
        var isMatch = ns switch
        {
            "Microsoft.SemanticKernel" => s_semanticKernelMethods.Contains(method.Name),
            "ModelContextProtocol.Server" => method.Name == "Create" && type.Name == "McpServerTool",
            "Microsoft.Extensions.DependencyInjection" => method.Name == "WithTools",
            _ => false,
        };
        return isMatch ? type.Name + "." + method.Name : null;
    }

    /// <summary>What to register instead, per framework, appended to TRJ2003's message.</summary>
    public static string Advice(IMethodSymbol method) =>
        (method.ReducedFrom ?? method).ContainingType?.ContainingNamespace?.ToDisplayString() == "Microsoft.SemanticKernel"
            ? " (with Semantic Kernel: aiFunction.AsKernelFunction())"
            : " (with ModelContextProtocol: McpServerTool.Create(aiFunction))";
}
