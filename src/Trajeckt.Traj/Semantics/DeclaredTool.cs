using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Semantics;

/// <summary>A tool as the binder collects it from a <c>tool</c> statement or a host declaration, before indices exist.</summary>
internal sealed class DeclaredTool
{
    public DeclaredTool(string name, ToolStatementSyntax? statement, HostTool? host)
    {
        Name = name;
        Statement = statement;
        Host = host;
    }

    public string Name { get; }

    /// <summary>The <c>tool</c> line, when the policy has one.</summary>
    public ToolStatementSyntax? Statement { get; set; }

    /// <summary>The declaration from outside the policy, when there is one.</summary>
    public HostTool? Host { get; }

    public ToolEffects Effects { get; set; }

    public List<string> Labels { get; } = new();

    public Trust Origin { get; set; } = Trust.ToolOutput;

    public bool HasExplicitOrigin { get; set; }

    /// <summary>The floor a <c>floor T for</c> statement or the host gives it, if any.</summary>
    public Trust? ExplicitFloor { get; set; }

    /// <summary>Whether a <c>floor T for</c> statement named it (a second one is a duplicate).</summary>
    public bool HasFloorStatement { get; set; }

    /// <summary>The authorizer an <c>authorize</c> statement gives it, if any, and that statement's name node.</summary>
    public (Trust Level, NameSyntax Site)? Authorization { get; set; }
}
