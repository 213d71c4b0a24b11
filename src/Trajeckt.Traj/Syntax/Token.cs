namespace Trajeckt.Traj.Syntax;

// One lexed token. A name carries its unescaped value; keywords are contextual, so the parser decides
// from the value (and position) whether a name is a keyword.
internal readonly struct Token
{
    public Token(TokenKind kind, TextSpan span, bool atLineStart, string? value = null, bool isQuoted = false, int? number = null)
    {
        Kind = kind;
        Span = span;
        AtLineStart = atLineStart;
        Value = value;
        IsQuoted = isQuoted;
        Number = number;
    }

    public TokenKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>Whether only whitespace and comments stand between the previous line break (or the file start) and this token.</summary>
    public bool AtLineStart { get; }

    /// <summary>A name's unescaped value; null for other kinds.</summary>
    public string? Value { get; }

    public bool IsQuoted { get; }

    /// <summary>A number's value; null for other kinds and for a number out of range.</summary>
    public int? Number { get; }

    /// <summary>Whether this is the name <paramref name="keyword"/>, quoted or not (a quoted identifier is that identifier).</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Name && string.Equals(Value, keyword, StringComparison.Ordinal);

    /// <summary>The unquoted <c>_</c>.</summary>
    public bool IsWildcard => Kind == TokenKind.Name && !IsQuoted && Value == "_";
}
