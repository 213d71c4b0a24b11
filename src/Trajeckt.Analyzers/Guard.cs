using System;

namespace Trajeckt.Analyzers;

/// <summary>
/// Analyzers run in the IDE on half-typed code: an unexpected shape must never crash the host. Whatever an
/// analysis did not finish reports nothing. Only for checks that add to the guarantee (static order checks,
/// policy names); the checks that the guarantee rests on fail closed instead (<see cref="Mediation.FailClosed"/>).
/// </summary>
internal static class Guard
{
    public static void Run(Action analysis)
    {
        try
        {
            analysis();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            // Deliberately swallowed: see the type's summary.
        }
    }
}
