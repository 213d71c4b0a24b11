namespace Trajeckt.Traj.Syntax;

// The lexical shape of an unquoted name: [A-Za-z_][A-Za-z0-9_.\-/]*, except that "//" and "/*" start
// a comment and "->" is the arrow wherever they appear, so a name never contains them.
internal static class NameRules
{
    public static bool IsNameStart(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '_';

    public static bool IsNamePart(char c) => IsNameStart(c) || c is >= '0' and <= '9' or '.' or '-' or '/';

    /// <summary>Whether the name character at <paramref name="index"/> ends the name because a comment or the arrow starts there.</summary>
    public static bool EndsNameAt(string text, int index)
    {
        if (index + 1 >= text.Length)
            return false;
        var c = text[index];
        var next = text[index + 1];
        return (c == '/' && (next == '/' || next == '*')) || (c == '-' && next == '>');
    }

    /// <summary>Whether <paramref name="value"/>, written unquoted, lexes back as exactly one name with that value.</summary>
    public static bool SpellsIdentifier(string value)
    {
        if (value.Length == 0 || !IsNameStart(value[0]))
            return false;
        for (var i = 1; i < value.Length; i++)
        {
            if (!IsNamePart(value[i]) || EndsNameAt(value, i))
                return false;
        }
        return true;
    }
}
