using System.Reflection;
using Microsoft.Extensions.AI;
using Trajeckt.Interception;

namespace Trajeckt.Extensions.AI;

/// <summary>How an <see cref="AIFunction"/> maps to a tool of the policy, and which function in its wrapper chain to invoke.</summary>
internal static class ToolFunctions
{
    // The generator's AIFunction gate (what an intercepted AIFunctionFactory.Create(toolMethod) returns) decides
    // its calls itself, in the ambient session, with no way to report output; the pipeline gate decides instead
    // and invokes what the generated gate wraps, so each call is decided once and its reports are recorded.
    private const string GeneratedGateTypeName = "Trajeckt.Generated.TrajecktGatedAIFunction";

    // DelegatingAIFunction.InnerFunction is protected. Without it (a changed API) no chain can be unwrapped, and a
    // generated gate is left to decide by itself: never looser.
    private static readonly PropertyInfo? s_innerFunction =
        typeof(DelegatingAIFunction).GetProperty("InnerFunction", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>
    /// The tool a function runs: a <see cref="TrajecktAIFunction"/>'s tool; else the name in the
    /// <see cref="ToolAttribute"/> of the method it was created from (the method's name for a bare <c>[Tool]</c>),
    /// the same rule the generator uses; else the function's name.
    /// </summary>
    public static string ToolName(AIFunction function)
    {
        if (function.GetService<TrajecktAIFunction>() is { } gated)
            return gated.ToolName;
        return ToolMethodNames.TryGet(function.UnderlyingMethod, out var toolName) ? toolName : function.Name;
    }

    /// <summary>
    /// The function to invoke once the pipeline has decided the call: <paramref name="function"/> itself, or what a
    /// generated gate or a <see cref="TrajecktAIFunction"/> under pass-through wrappers wraps. <see langword="null"/>
    /// when the chain holds such a gate that cannot be passed over (under a wrapper of unknown behaviour, or a
    /// <see cref="TrajecktAIFunction"/> bound to another session): that gate must decide by itself.
    /// </summary>
    public static AIFunction? DecidableTarget(AIFunction function, TrajecktSession session)
    {
        var passThrough = true;
        for (AIFunction? current = function; current is not null; current = Inner(current))
        {
            if (current is TrajecktAIFunction gated)
                return passThrough && (gated.Session is null || ReferenceEquals(gated.Session, session)) ? gated.Inner : null;
            // A generated gate of a tool that the session's graph does not declare as that very tool (name and effects)
            // is never passed over: it decides by itself and refuses (unknown_tool).
            if (current.GetType().FullName == GeneratedGateTypeName)
                return passThrough && !IsForeign(current, session) ? Inner(current) : null;
            passThrough &= current is ApprovalRequiredAIFunction;
        }
        return function;
    }

    private static bool IsForeign(AIFunction generatedGate, TrajecktSession session) =>
        generatedGate.GetService(typeof(ToolSlot)) is not ToolSlot slot || slot.IsForeign(session, out _);

    /// <summary>Whether <paramref name="function"/> is itself a gate: a <see cref="TrajecktAIFunction"/> or the generator's gated function.</summary>
    public static bool IsGate(AIFunction function) =>
        function is TrajecktAIFunction || function.GetType().FullName == GeneratedGateTypeName;

    private static AIFunction? Inner(AIFunction function) => function switch
    {
        TrajecktAIFunction gated => gated.Inner,
        DelegatingAIFunction => s_innerFunction?.GetValue(function) as AIFunction,
        _ => null,
    };
}
