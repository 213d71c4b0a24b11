namespace Trajeckt.Traj.Syntax;

/// <summary>Parses Traj v1 text (docs/traj-language.md) into a <see cref="PolicySyntax"/> with syntax diagnostics.</summary>
public static class TrajParser
{
    /// <summary>
    /// Lexes and parses <paramref name="text"/>. Never throws for malformed input: every lexical and
    /// syntax error becomes a diagnostic (codes in <see cref="SyntaxDiagnosticCodes"/>), and parsing
    /// continues after each one.
    /// </summary>
    /// <param name="text">The policy text.</param>
    /// <param name="filePath">The file name to put in diagnostics and in <see cref="PolicySyntax.FilePath"/>.</param>
    /// <returns>The tree, the diagnostics and a line map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="filePath"/> is null.</exception>
    public static TrajParseResult Parse(string text, string filePath)
    {
        if (text is null)
            throw new ArgumentNullException(nameof(text));
        if (filePath is null)
            throw new ArgumentNullException(nameof(filePath));

        var lines = new LineMap(text);
        var diagnostics = new SyntaxDiagnosticBag(lines, filePath);
        var tokens = TrajLexer.Lex(text, diagnostics);
        var policy = PolicyParser.Parse(text, filePath, tokens, diagnostics);
        return new TrajParseResult(text, filePath, policy, diagnostics.ToSortedList(), lines);
    }
}
