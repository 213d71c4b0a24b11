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
        try
        {
            analysis();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(NotChecked(context.Operation.Syntax.GetLocation(), exception));
        }
    }

    public static void Run(SymbolAnalysisContext context, Action analysis)
    {
        try
        {
            analysis();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var location = context.Symbol.Locations.Length > 0 ? context.Symbol.Locations[0] : Location.None;
            context.ReportDiagnostic(NotChecked(location, exception));
        }
    }

    public static void Run(OperationBlockAnalysisContext context, Action analysis)
    {
        try
        {
            analysis();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var location = context.OwningSymbol.Locations.Length > 0 ? context.OwningSymbol.Locations[0] : Location.None;
            context.ReportDiagnostic(NotChecked(location, exception));
        }
    }

    /// <summary>A check decided at compilation end: when it throws, nothing it would have decided is known, so the whole build fails.</summary>
    public static void Run(CompilationAnalysisContext context, Action analysis)
    {
        try
        {
            analysis();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(NotChecked(Location.None, exception));
        }
    }

    private static Diagnostic NotChecked(Location location, Exception exception) =>
        Diagnostic.Create(Descriptors.MediationNotChecked, location, exception.GetType().Name + ": " + exception.Message);
}
