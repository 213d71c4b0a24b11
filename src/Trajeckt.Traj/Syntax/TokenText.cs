using System.Text;

namespace Trajeckt.Traj.Syntax;

// How a piece of source text appears in a diagnostic message: quoted, shortened, and with control
// characters made visible, so a message stays one readable line whatever the input was.
internal static class TokenText
{
    private const int MaxShown = 40;

    public static string Quote(string text, TextSpan span)
    {
        var length = Math.Min(span.Length, MaxShown);
        var shown = new StringBuilder(length + 8);
        shown.Append('\'');
        for (var i = span.Start; i < span.Start + length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || char.IsSurrogate(c) && !IsWholePair(text, i, span.Start, span.Start + length))
                shown.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else
                shown.Append(c);
        }
        if (span.Length > MaxShown)
            shown.Append("...");
        return shown.Append('\'').ToString();
    }

    private static bool IsWholePair(string text, int i, int start, int end) =>
        char.IsHighSurrogate(text[i])
            ? i + 1 < end && char.IsLowSurrogate(text[i + 1])
            : i - 1 >= start && char.IsHighSurrogate(text[i - 1]);

    /// <summary>What a token is, for "found ..." in a message.</summary>
    public static string Describe(string text, Token token) =>
        token.Kind == TokenKind.EndOfFile ? "end of file" : Quote(text, token.Span);
}
