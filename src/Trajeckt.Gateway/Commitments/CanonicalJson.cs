using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Trajeckt.Gateway.Commitments;

/// <summary>
/// The one spelling of a JSON value that a pin hashes (docs/gateway.md), after RFC 8785 (JCS): object
/// members sorted by their names' UTF-16 code units, no whitespace, strings escaped as JCS escapes them.
/// Two differences make it stricter than JCS: numbers keep their exact decimal value (normalized, never
/// rounded to a double, so a changed bound can never hash equal), and a value JCS would reject (an object
/// with a repeated member name, a string with a lone surrogate) is refused rather than written, since
/// two readers may disagree about what such a value means.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The longest canonical form accepted, in UTF-16 code units; a larger definition cannot be pinned.</summary>
    public const int MaxLength = 1024 * 1024;

    // An exponent with more digits than this is refused rather than expanded (1e999999999 is no tool's bound).
    private const int MaxExponentDigits = 6;

    public static bool TryWrite(JsonElement value, [NotNullWhen(true)] out string? canonical, [NotNullWhen(false)] out string? error)
    {
        var output = new StringBuilder();
        if (!TryWrite(value, output, out error))
        {
            canonical = null;
            return false;
        }
        canonical = output.ToString();
        return true;
    }

    private static bool TryWrite(JsonElement value, StringBuilder output, [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return TryWriteObject(value, output, out error);
            case JsonValueKind.Array:
                output.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                        output.Append(',');
                    first = false;
                    if (!TryWrite(item, output, out error))
                        return false;
                }
                output.Append(']');
                break;
            case JsonValueKind.String:
                if (!TryWriteString(value, output, out error))
                    return false;
                break;
            case JsonValueKind.Number:
                if (!TryWriteNumber(value.GetRawText(), output, out error))
                    return false;
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            case JsonValueKind.Null:
                output.Append("null");
                break;
            default:
                error = $"a JSON value of kind {value.ValueKind}";
                return false;
        }
        if (output.Length > MaxLength)
        {
            error = $"its canonical JSON is longer than {MaxLength} characters";
            return false;
        }
        return true;
    }

    private static bool TryWriteObject(JsonElement value, StringBuilder output, [NotNullWhen(false)] out string? error)
    {
        var members = new List<(string Name, JsonElement Value)>();
        foreach (var member in value.EnumerateObject())
        {
            if (!TryGetText(() => member.Name, out var name, out error))
                return false;
            members.Add((name, member.Value));
        }
        members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        output.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                if (members[i].Name == members[i - 1].Name)
                {
                    error = $"an object has the member '{members[i].Name}' twice";
                    return false;
                }
                output.Append(',');
            }
            AppendString(members[i].Name, output);
            output.Append(':');
            if (!TryWrite(members[i].Value, output, out error))
                return false;
        }
        output.Append('}');
        error = null;
        return true;
    }

    private static bool TryWriteString(JsonElement value, StringBuilder output, [NotNullWhen(false)] out string? error)
    {
        if (!TryGetText(() => value.GetString()!, out var text, out error))
            return false;
        AppendString(text, output);
        return true;
    }

    // System.Text.Json refuses to unescape a lone surrogate; so does the canonical form, and so does a check
    // here for any that got through, since UTF-8 cannot carry one.
    private static bool TryGetText(Func<string> read, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        try
        {
            text = read();
        }
        catch (InvalidOperationException)
        {
            text = null;
            error = "a string is not valid UTF-16 (a lone surrogate)";
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
            {
                text = null;
                error = "a string is not valid UTF-16 (a lone surrogate)";
                return false;
            }
        }
        error = null;
        return true;
    }

    private static void AppendString(string text, StringBuilder output)
    {
        output.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                default:
                    if (c < 0x20)
                        output.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else
                        output.Append(c);
                    break;
            }
        }
        output.Append('"');
    }

    /// <summary>
    /// Writes a JSON number literal (already validated by the parser) by its exact value: digits without
    /// leading or trailing zeros and a power of ten, laid out as ECMAScript lays out numbers (plain up to
    /// 21 integer digits, <c>0.000001</c> down to 1e-6, exponent form otherwise). <c>-0</c> is <c>0</c>.
    /// </summary>
    internal static bool TryWriteNumber(string literal, StringBuilder output, [NotNullWhen(false)] out string? error)
    {
        error = null;
        var negative = literal.StartsWith('-');
        var at = negative ? 1 : 0;
        var digits = new StringBuilder();
        while (at < literal.Length && char.IsAsciiDigit(literal[at]))
            digits.Append(literal[at++]);
        var fractionDigits = 0;
        if (at < literal.Length && literal[at] == '.')
        {
            at++;
            while (at < literal.Length && char.IsAsciiDigit(literal[at]))
            {
                digits.Append(literal[at++]);
                fractionDigits++;
            }
        }
        long exponent = 0;
        if (at < literal.Length && (literal[at] == 'e' || literal[at] == 'E'))
        {
            at++;
            var exponentNegative = at < literal.Length && literal[at] == '-';
            if (at < literal.Length && (literal[at] == '-' || literal[at] == '+'))
                at++;
            var exponentText = literal[at..].TrimStart('0');
            if (exponentText.Length > MaxExponentDigits)
            {
                error = $"the number {literal} has an exponent beyond {MaxExponentDigits} digits";
                return false;
            }
            exponent = exponentText.Length == 0 ? 0 : long.Parse(exponentText, NumberStyles.None, CultureInfo.InvariantCulture);
            if (exponentNegative)
                exponent = -exponent;
            at = literal.Length;
        }
        if (at != literal.Length || digits.Length == 0)
        {
            error = $"'{literal}' is not a JSON number";
            return false;
        }

        var text = digits.ToString().TrimStart('0');
        if (text.Length == 0)
        {
            output.Append('0');
            return true;
        }
        var trimmed = text.TrimEnd('0');
        exponent += text.Length - trimmed.Length - fractionDigits;
        // The value is trimmed x 10^exponent; n is where the decimal point falls in trimmed.
        var k = trimmed.Length;
        var n = k + exponent;
        if (negative)
            output.Append('-');
        if (k <= n && n <= 21)
            output.Append(trimmed).Append('0', (int)(n - k));
        else if (0 < n && n <= 21)
            output.Append(trimmed, 0, (int)n).Append('.').Append(trimmed, (int)n, k - (int)n);
        else if (-6 < n && n <= 0)
            output.Append("0.").Append('0', (int)-n).Append(trimmed);
        else
        {
            output.Append(trimmed[0]);
            if (k > 1)
                output.Append('.').Append(trimmed, 1, k - 1);
            output.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }
        return true;
    }
}
