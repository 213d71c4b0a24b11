using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Trajeckt.Analyzers.Mediation;

/// <summary>
/// Runs one piece of a check that stands between a tool body and an ungated call (mediation, bypass,
/// reflection). Such a check may not fail silently: a build whose check threw would carry no guarantee, so
/// an exception becomes TRJ2012 at the code it was analyzing, never silence.
/// </summary>
internal static class FailClosed
{
    public static void Run(OperationAnalysisContext context, Action analysis)
    {
        if (Failure(analysis) is { } exception)
            context.ReportDiagnostic(NotChecked(context.Operation.Syntax.GetLocation(), exception));
    }

    public static void Run(SymbolAnalysisContext context, Action analysis)
    {
        if (Failure(analysis) is { } exception)
            context.ReportDiagnostic(NotChecked(FirstLocation(context.Symbol), exception));
    }

    public static void Run(OperationBlockAnalysisContext context, Action analysis)
    {
        if (Failure(analysis) is { } exception)
            context.ReportDiagnostic(NotChecked(FirstLocation(context.OwningSymbol), exception));
    }

    /// <summary>A check decided at compilation end: when it throws, nothing it would have decided is known, so the whole build fails.</summary>
    public static void Run(CompilationAnalysisContext context, Action analysis)
    {
        if (Failure(analysis) is { } exception)
            context.ReportDiagnostic(NotChecked(Location.None, exception));
    }

    // The exception that stopped the analysis, or null when it ran to the end; cancellation is not a failure.
    private static Exception? Failure(Action analysis)
    {
        try
        {
            analysis();
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return exception;
        }
    }

    private static Location FirstLocation(ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : Location.None;

    private static Diagnostic NotChecked(Location location, Exception exception) =>
        Diagnostic.Create(Descriptors.MediationNotChecked, location, exception.GetType().Name + ": " + exception.Message);
}
