using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Model;

namespace Trajeckt.Generators;

/// <summary>
/// Turns an exception inside a pipeline step into error TRJ1008 naming the file the step was working on.
/// An exception that escaped would only make the compiler skip the generator (warning CS8785) and build
/// the project with no interceptor at all: every tool call would run ungated.
/// </summary>
internal static class GeneratorFailure
{
    /// <summary>Whether <paramref name="exception"/> is a failure to report (a requested cancellation is not: the step is simply re-run).</summary>
    public static bool IsFailure(Exception exception, CancellationToken cancellationToken) =>
        !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    public static DiagnosticInfo Diagnostic(Exception exception, string file, Location? location = null) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, location, file, Describe(exception));

    public static DiagnosticInfo Diagnostic(Exception exception, string file, LocationInfo? location) =>
        new(DiagnosticDescriptors.GeneratorFailure, location, new EquatableArray<string>(new[] { file, Describe(exception) }));

    /// <summary>Runs a small step; if it throws, its fail-closed value carries the failure to report.</summary>
    public static Attempt<T> Attempt<T>(Func<T> step, T failClosed, string what, CancellationToken cancellationToken)
    {
        try
        {
            return new Attempt<T>(step(), null);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            return new Attempt<T>(failClosed, Diagnostic(e, what));
        }
    }

    /// <summary>Reports a failure of an output step, which has no model to carry it.</summary>
    public static void Report(SourceProductionContext context, Exception exception, string file) =>
        context.ReportDiagnostic(Diagnostic(exception, file).ToDiagnostic());

    // Type and message only: a stack trace would make the build output machine-dependent and unreadable.
    private static string Describe(Exception exception) => $"{exception.GetType().FullName}: {exception.Message}";
}
