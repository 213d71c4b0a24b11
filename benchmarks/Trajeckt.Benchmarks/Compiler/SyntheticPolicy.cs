using System.Text;

namespace Trajeckt.Benchmarks.Compiler;

/// <summary>
/// A large, realistic policy for benchmarks: many tools with mixed effects, plans that share prefixes,
/// alternate over many tools, repeat and use the wildcard, flows, floors and authorizations.
/// </summary>
public static class SyntheticPolicy
{
    public static string Create(int tools, int plans)
    {
        var text = new StringBuilder();
        text.AppendLine("trajectory Synthetic {");
        for (var i = 0; i < tools; i++)
        {
            text.Append("  tool t").Append(i);
            text.Append((i % 10) switch
            {
                0 => " : sensitive(label" + (i % 37) + ")",
                1 => " : sink(external)",
                2 => " : sink(control)",
                3 => " : origin(Untrusted), egress",
                4 => " : shell",
                5 => " : origin(CleanWorkspace)",
                _ => string.Empty,
            });
            text.AppendLine(";");
        }
        for (var p = 0; p < plans; p++)
        {
            var start = p * (tools / plans);
            var span = Math.Max(2, tools / plans);
            var middle = string.Join(" | ", Enumerable.Range(1, span - 1).Select(k => "t" + ((start + k) % tools)));
            var tail = p % 10 == 9 ? " _ t" + ((start + 1) % tools) : "";
            text.AppendLine($"  plan t{start} ({middle})* t{(start + span) % tools}?{tail};");
        }
        for (var label = 0; label < Math.Min(37, tools / 10); label++)
            text.AppendLine($"  flow label{label} -> t{(label * 10 + 1) % tools};");
        text.AppendLine("  floor CleanWorkspace;");
        for (var i = 6; i < tools; i += 50)
            text.AppendLine($"  floor Memory for t{i};");
        for (var i = 2; i < tools; i += 100)
            text.AppendLine($"  authorize t{i} by CleanWorkspace;");
        text.AppendLine("  budget calls 1000;");
        text.AppendLine("}");
        return text.ToString();
    }
}
