using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Semantics;

/// <summary>A tool as the binder collects it from a <c>tool</c> statement, before indices exist.</summary>
internal sealed class DeclaredTool
{
    public DeclaredTool(ToolStatementSyntax statement) => Statement = statement;

    public ToolStatementSyntax Statement { get; }

    public string Name => Statement.Name.Value;

    public ToolEffects Effects { get; set; }

    public List<string> Labels { get; } = new();

    public Trust Origin { get; set; } = Trust.ToolOutput;

    public bool HasExplicitOrigin { get; set; }

    /// <summary>The floor a <c>floor T for</c> statement gives it, if any.</summary>
    public Trust? ExplicitFloor { get; set; }

    /// <summary>The authorizer an <c>authorize</c> statement gives it, if any, and that statement's name node.</summary>
    public (Trust Level, NameSyntax Site)? Authorization { get; set; }
}
