using Microsoft.CodeAnalysis;

namespace Trajeckt.Analyzers.Order;

/// <summary>Recognises the generated <c>TrajecktGraphs.X.BeginSession(...)</c> that starts a session of trajectory X.</summary>
internal static class SessionCalls
{
    /// <summary>The trajectory whose session <paramref name="method"/> begins, or <see langword="null"/>.</summary>
    public static string? TrajectoryBegun(IMethodSymbol method)
    {
        if (method.Name != "BeginSession" || !method.IsStatic)
            return null;
        var trajectory = method.ContainingType;
        if (trajectory?.ContainingType is not { Name: "TrajecktGraphs", ContainingType: null } graphs || !graphs.ContainingNamespace.IsGlobalNamespace)
            return null;
        foreach (var member in trajectory.GetMembers("Name"))
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: string name })
                return name;
        }
        return null;
    }
}
