using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Trajeckt.Generators;

/// <summary>Turns Traj names (which may hold '-', '.', '/' or spaces) into unique C# identifiers.</summary>
internal static class Identifiers
{
    public static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length + 1);
        foreach (var c in name)
            text.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        if (text.Length == 0 || char.IsDigit(text[0]))
            text.Insert(0, '_');
        var identifier = text.ToString();
        return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
    }

    /// <summary>Sanitized names made unique in order: a second 'a-b' next to 'a_b' becomes 'a_b_2'.</summary>
    public static string[] Unique(IReadOnlyList<string> names, IEnumerable<string> reserved)
    {
        var used = new HashSet<string>(reserved, System.StringComparer.Ordinal);
        var result = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var candidate = Sanitize(names[i]);
            var unique = candidate;
            for (var n = 2; !used.Add(unique); n++)
                unique = candidate + "_" + n;
            result[i] = unique;
        }
        return result;
    }

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
