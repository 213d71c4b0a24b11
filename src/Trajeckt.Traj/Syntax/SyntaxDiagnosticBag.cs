namespace Trajeckt.Traj.Syntax;

// Collects the lexer's and parser's errors with their source positions.
internal sealed class SyntaxDiagnosticBag
{
    private readonly List<TrajDiagnostic> _diagnostics = new();
    private readonly LineMap _lines;
    private readonly string _filePath;

    public SyntaxDiagnosticBag(LineMap lines, string filePath)
    {
        _lines = lines;
        _filePath = filePath;
    }

    public void Error(string code, TextSpan span, string message) =>
        _diagnostics.Add(new TrajDiagnostic(code, TrajSeverity.Error, message, _lines.GetLocation(_filePath, span)));

    /// <summary>The diagnostics in source order (lexer and parser report interleaved positions).</summary>
    public IReadOnlyList<TrajDiagnostic> ToSortedList()
    {
        // OrderBy is stable, so two diagnostics at one position keep the order they were found in.
        return _diagnostics.OrderBy(d => d.Location.Start).ToArray();
    }
}
