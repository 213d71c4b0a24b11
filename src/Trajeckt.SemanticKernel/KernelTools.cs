using Microsoft.SemanticKernel;
using Trajeckt.Extensions.AI;

namespace Trajeckt.SemanticKernel;

/// <summary>How a kernel function maps to a tool of the policy.</summary>
internal static class KernelTools
{
    /// <summary>
    /// The name in the <see cref="ToolAttribute"/> of the method the function was created from (the method's name for a
    /// bare <c>[Tool]</c>: the generator's rule, and the one <c>UseTrajeckt</c> applies to an AIFunction); else the
    /// function's own name, without its plugin's name.
    /// </summary>
    public static string ToolName(KernelFunction function)
    {
        return ToolMethodNames.TryGet(function.UnderlyingMethod, out var toolName) ? toolName : function.Name;
    }
}
