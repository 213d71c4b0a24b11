using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Trajeckt.Analyzers;

/// <summary>
/// The compilation start every Trajeckt analyzer shares. (Each analyzer still configures generated-code analysis and
/// concurrency in its own Initialize: RS1025/RS1026 check for those calls there.)
/// </summary>
internal static class TrajecktAnalysis
{
    /// <summary>
    /// Calls <paramref name="register"/> at the start of each compilation that references Trajeckt
    /// (<see cref="TrajecktSymbols.TryCreate"/>); a compilation without it has nothing to check.
    /// </summary>
    public static void OnTrajecktCompilation(AnalysisContext context, Action<CompilationStartAnalysisContext, TrajecktSymbols> register) =>
        context.RegisterCompilationStartAction(start =>
        {
            if (TrajecktSymbols.TryCreate(start.Compilation) is { } symbols)
                register(start, symbols);
        });
}
