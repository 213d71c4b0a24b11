namespace Trajeckt.Traj.Syntax;

/// <summary>
/// The outcome of <see cref="TrajParser.Parse(string, string)"/>: the syntax tree, the lexer's and parser's
/// diagnostics in source order, and a map from spans to line and column for later stages' diagnostics.
/// </summary>
/// <remarks>
/// When <see cref="HasErrors"/> is true the tree holds only what parsed cleanly (a statement with an
/// error is left out) and must not be compiled.
/// </remarks>
public sealed class TrajParseResult
{
    private readonly LineMap _lines;

    internal TrajParseResult(string text, string filePath, PolicySyntax syntax, IReadOnlyList<TrajDiagnostic> diagnostics, LineMap lines)
    {
        Text = text;
        FilePath = filePath;
        Syntax = syntax;
        Diagnostics = diagnostics;
        HasErrors = diagnostics.Any(d => d.IsError);
        _lines = lines;
    }

    /// <summary>The parsed policy.</summary>
    public PolicySyntax Syntax { get; }

    /// <summary>The syntax errors, ordered by position; empty when the text parsed cleanly.</summary>
    public IReadOnlyList<TrajDiagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors { get; }

    /// <summary>The text that was parsed.</summary>
    public string Text { get; }

    /// <summary>The file path the caller gave; every location names it.</summary>
    public string FilePath { get; }

    /// <summary>
    /// The 1-based line and UTF-16 column of <paramref name="span"/>'s start in <see cref="Text"/>, with
    /// <see cref="FilePath"/>; line breaks are <c>\n</c>, <c>\r\n</c> and <c>\r</c>. A span outside the text is
    /// clamped to it. Takes O(log lines).
    /// </summary>
    /// <param name="span">A span in <see cref="Text"/>, e.g. a syntax node's.</param>
    /// <returns>The location to put in a <see cref="TrajDiagnostic"/>.</returns>
    public SourceLocation GetLocation(TextSpan span) => _lines.GetLocation(FilePath, span);
}
