using System.Text;

namespace Trajeckt.Traj.Syntax;

// Turns Traj text into tokens (docs/traj-language.md). Every malformed piece is reported and lexing goes on, so
// one bad character never hides the errors after it. The token list always ends with EndOfFile.
internal sealed class TrajLexer
{
    private static readonly char[] s_lineBreaks = { '\r', '\n' };

    private readonly string _text;
    private readonly SyntaxDiagnosticBag _diagnostics;
    private readonly List<Token> _tokens = new();
    private int _position;
    private bool _atLineStart = true;

    private TrajLexer(string text, SyntaxDiagnosticBag diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
    }

    public static IReadOnlyList<Token> Lex(string text, SyntaxDiagnosticBag diagnostics)
    {
        var lexer = new TrajLexer(text, diagnostics);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        // A byte order mark that survived decoding is not content.
        if (_text.Length > 0 && _text[0] == '\uFEFF')
            _position = 1;
        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                _tokens.Add(new Token(TokenKind.EndOfFile, new TextSpan(_text.Length, 0), _atLineStart));
                return;
            }
            _tokens.Add(ScanToken());
            _atLineStart = false;
        }
    }

    private char Peek(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t')
            {
                _position++;
            }
            else if (c is '\r' or '\n')
            {
                _position++;
                _atLineStart = true;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_position < _text.Length && _text[_position] is not ('\r' or '\n'))
                    _position++;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipBlockComment()
    {
        var start = _position;
        var close = _text.IndexOf("*/", start + 2, StringComparison.Ordinal);
        var end = close < 0 ? _text.Length : close + 2;
        if (close < 0)
            _diagnostics.Error(SyntaxDiagnosticCodes.UnterminatedComment, new TextSpan(start, 2), "expected '*/' to close the block comment, found end of file");
        if (_text.IndexOfAny(s_lineBreaks, start, end - start) >= 0)
            _atLineStart = true;
        _position = end;
    }

    private Token ScanToken()
    {
        var c = _text[_position];
        if (NameRules.IsNameStart(c))
            return ScanName();
        if (c is >= '0' and <= '9')
            return ScanNumber();
        if (c == '"')
            return ScanQuotedName();
        if (c == '-' && Peek(1) == '>')
            return Punctuation(TokenKind.Arrow, 2);
        var kind = PunctuationKind(c);
        return kind is { } k ? Punctuation(k, 1) : ScanUnexpectedCharacters();
    }

    private static TokenKind? PunctuationKind(char c) => c switch
    {
        '{' => TokenKind.OpenBrace,
        '}' => TokenKind.CloseBrace,
        '(' => TokenKind.OpenParen,
        ')' => TokenKind.CloseParen,
        ';' => TokenKind.Semicolon,
        ':' => TokenKind.Colon,
        ',' => TokenKind.Comma,
        '|' => TokenKind.Bar,
        '*' => TokenKind.Star,
        '+' => TokenKind.Plus,
        '?' => TokenKind.Question,
        _ => null,
    };

    private Token Punctuation(TokenKind kind, int length)
    {
        var token = new Token(kind, new TextSpan(_position, length), _atLineStart);
        _position += length;
        return token;
    }

    private Token ScanName()
    {
        var start = _position;
        _position++;
        while (_position < _text.Length && NameRules.IsNamePart(_text[_position]) && !NameRules.EndsNameAt(_text, _position))
            _position++;
        return new Token(TokenKind.Name, new TextSpan(start, _position - start), _atLineStart, _text.Substring(start, _position - start));
    }

    private Token ScanNumber()
    {
        var start = _position;
        long value = 0;
        while (_position < _text.Length && _text[_position] is >= '0' and <= '9')
        {
            // Saturate instead of overflowing: any value past int.MaxValue is out of range anyway.
            if (value <= int.MaxValue)
                value = value * 10 + (_text[_position] - '0');
            _position++;
        }
        var span = new TextSpan(start, _position - start);
        int? number = value <= int.MaxValue ? (int)value : null;
        if (number is null)
            _diagnostics.Error(SyntaxDiagnosticCodes.NumberOutOfRange, span, $"expected a number of at most {int.MaxValue}, found {TokenText.Quote(_text, span)}");
        return new Token(TokenKind.Number, span, _atLineStart, number: number);
    }

    private Token ScanQuotedName()
    {
        var start = _position;
        var value = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
            {
                _diagnostics.Error(SyntaxDiagnosticCodes.UnterminatedQuotedName, new TextSpan(start, _position - start), "expected '\"' to close the quoted name, found end of file");
                break;
            }
            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                if (value.Length == 0)
                    _diagnostics.Error(SyntaxDiagnosticCodes.EmptyQuotedName, new TextSpan(start, _position - start), "expected a name, found the empty quoted name '\"\"'");
                break;
            }
            if (c is '\r' or '\n')
            {
                _diagnostics.Error(SyntaxDiagnosticCodes.NewlineInQuotedName, new TextSpan(start, _position - start), "expected '\"' to close the quoted name, found a line break");
                break;
            }
            if (c == '\\')
            {
                ScanEscape(value);
                continue;
            }
            value.Append(c);
            _position++;
        }
        return new Token(TokenKind.Name, new TextSpan(start, _position - start), _atLineStart, value.ToString(), isQuoted: true);
    }

    private void ScanEscape(StringBuilder value)
    {
        var next = Peek(1);
        if (next is '"' or '\\')
        {
            value.Append(next);
            _position += 2;
            return;
        }
        // A backslash before a line break or the end of the file is reported alone; the quoted-name loop
        // then reports the missing closing quote.
        var length = _position + 1 < _text.Length && next is not ('\r' or '\n') ? 2 : 1;
        var span = new TextSpan(_position, length);
        _diagnostics.Error(SyntaxDiagnosticCodes.InvalidEscape, span, $"expected '\\\"' or '\\\\' in a quoted name, found {TokenText.Quote(_text, span)}");
        if (length == 2)
            value.Append(next);
        _position += length;
    }

    private Token ScanUnexpectedCharacters()
    {
        var start = _position;
        _position++;
        while (_position < _text.Length && IsUnexpected(_position))
            _position++;
        var span = new TextSpan(start, _position - start);
        var noun = span.Length == 1 ? "character" : "characters";
        _diagnostics.Error(SyntaxDiagnosticCodes.UnexpectedCharacter, span, $"expected a name, a number or punctuation, found the unexpected {noun} {TokenText.Quote(_text, span)}");
        return new Token(TokenKind.Bad, span, _atLineStart);
    }

    // Whether the character at index neither starts a token nor is trivia: runs of them form one Bad token.
    private bool IsUnexpected(int index)
    {
        var c = _text[index];
        if (c is ' ' or '\t' or '\r' or '\n' or '"' || NameRules.IsNameStart(c) || c is >= '0' and <= '9' || PunctuationKind(c) is not null)
            return false;
        var next = index + 1 < _text.Length ? _text[index + 1] : '\0';
        return !(c == '-' && next == '>') && !(c == '/' && next is '/' or '*');
    }
}
