using System.Globalization;
using System.Text;

namespace Trajeckt.Replay;

/// <summary>
/// Makes text from a trace safe to print: control and format characters become <c>\uXXXX</c> so a
/// hostile trace cannot send terminal escape sequences or reorder what is shown (bidirectional
/// overrides), and long names are cut so one line stays one line.
/// </summary>
internal static class DisplayText
{
    private const int MaxQuotedLength = 80;

    /// <summary>The text with control and format characters escaped.</summary>
    public static string Escape(string text)
    {
        var i = 0;
        while (i < text.Length && !MustEscape(text[i]))
            i++;
        if (i == text.Length)
            return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (MustEscape(c))
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool MustEscape(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>The text in single quotes, escaped, and cut after <see cref="MaxQuotedLength"/> characters.</summary>
    public static string Quote(string text)
    {
        if (text.Length > MaxQuotedLength)
        {
            // Never cut a surrogate pair in half.
            var cut = char.IsHighSurrogate(text[MaxQuotedLength - 1]) ? MaxQuotedLength - 1 : MaxQuotedLength;
            text = text[..cut] + "...";
        }
        return "'" + Escape(text) + "'";
    }
}
