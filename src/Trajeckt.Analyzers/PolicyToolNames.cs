using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Trajeckt.Traj;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Analyzers;

/// <summary>The tools that the project's .traj files declare with a <c>tool</c> line, read by the Traj parser.</summary>
internal static class PolicyToolNames
{
    public static ImmutableHashSet<string> Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Path.EndsWith(".traj", System.StringComparison.OrdinalIgnoreCase)))
        {
            var text = file.GetText(cancellationToken)?.ToString();
            if (text is null)
                continue;
            // The syntax is there even when binding fails: a tool line still says the tool was thought about.
            var syntax = TrajCompiler.Compile(text, file.Path).Syntax;
            foreach (var statement in syntax.Trajectories.SelectMany(t => t.Statements).OfType<ToolStatementSyntax>())
                names.Add(statement.Name.Value);
        }
        return names.ToImmutable();
    }
}
