using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Semantics;

/// <summary>Collects the checker's diagnostics for one file, turning spans into file(line,col) locations.</summary>
internal sealed class DiagnosticSink
{
    private readonly TrajParseResult _source;

    public DiagnosticSink(TrajParseResult source) => _source = source;

    public List<TrajDiagnostic> Diagnostics { get; } = new();

    public int ErrorCount { get; private set; }

    public void Error(string code, TextSpan span, string message)
    {
        ErrorCount++;
        Diagnostics.Add(new TrajDiagnostic(code, TrajSeverity.Error, message, _source.GetLocation(span)));
    }

    public void Warning(string code, TextSpan span, string message) =>
        Diagnostics.Add(new TrajDiagnostic(code, TrajSeverity.Warning, message, _source.GetLocation(span)));
}
