using System.Reflection;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Trajeckt.Extensions.AI;

namespace Trajeckt.SemanticKernel;

/// <summary>How a kernel function maps to a tool of the policy.</summary>
internal static class KernelTools
{
    // Semantic Kernel's AIFunctionKernelFunction is internal and keeps its AIFunction in a private field.
    private static readonly Type? s_aiFunctionKernelFunction =
        typeof(KernelFunction).Assembly.GetType("Microsoft.SemanticKernel.ChatCompletion.AIFunctionKernelFunction");

    private static readonly FieldInfo? s_wrappedAIFunction = s_aiFunctionKernelFunction?
        .GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
        .SingleOrDefault(f => typeof(AIFunction).IsAssignableFrom(f.FieldType));

    /// <summary>
    /// For a kernel function made of an AIFunction, the tool that AIFunction is, by the rule <c>UseTrajeckt</c> applies
    /// (so a gate inside is decided as the same tool). Otherwise the name in the <see cref="ToolAttribute"/> of the
    /// method the function was created from (the method's name for a bare <c>[Tool]</c>: the generator's rule); else
    /// the function's own name, without its plugin's name.
    /// </summary>
    public static string ToolName(KernelFunction function) =>
        InvokedAIFunction(function) is { } wrapped ? ToolFunctions.ToolName(wrapped)
        : ToolMethodNames.TryGet(function.UnderlyingMethod, out var toolName) ? toolName
        : function.Name;

    /// <summary>
    /// The AIFunction that a kernel function made with <c>AsKernelFunction()</c> invokes; <see langword="null"/> for any
    /// other kernel function, or when Semantic Kernel's wrapper no longer holds it where it did: then a gate inside
    /// decides the call again (the safe side, never undecided).
    /// </summary>
    public static AIFunction? InvokedAIFunction(KernelFunction function) =>
        function.GetType() == s_aiFunctionKernelFunction ? s_wrappedAIFunction?.GetValue(function) as AIFunction : null;
}
