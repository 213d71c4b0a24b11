using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Trajeckt.Analyzers.Mediation;

/// <summary>Every named type declared in a compilation's own assembly, nested types included.</summary>
internal static class SourceTypes
{
    public static IEnumerable<INamedTypeSymbol> All(Compilation compilation, CancellationToken cancellationToken)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                    pending.Push(container);
                if (member is INamedTypeSymbol type)
                    yield return type;
            }
        }
    }
}
