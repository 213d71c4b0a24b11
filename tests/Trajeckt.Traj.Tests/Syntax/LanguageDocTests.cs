using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Tests.Syntax;

// docs/traj-language.md is the user's reference: its diagnostics table and its examples must match
// what the parser does.
public class LanguageDocTests
{
    private static readonly string s_doc = File.ReadAllText(Path.Combine(FindRepositoryRoot(), "docs", "traj-language.md"));

    // RepoPaths looks only above the test's output folder, which --artifacts-path puts outside the
    // repository; this source file's own path (and the working directory) are tried as well.
    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        var starts = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "", Directory.GetCurrentDirectory() };
        foreach (var start in starts.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Trajeckt.sln")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("Trajeckt.sln not found from " + string.Join(", ", starts));
    }

    [Fact]
    public void Every_syntax_code_has_a_row_in_the_diagnostics_table()
    {
        var documented = Regex.Matches(s_doc, @"^\| (TRJ00\d\d) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(SyntaxDiagnosticCodes.All.Select(e => e.Key), documented);
    }

    [Fact]
    public void The_semantic_diagnostics_section_keeps_its_marker()
    {
        var section = s_doc.IndexOf("\n## Semantic diagnostics\n", StringComparison.Ordinal);
        Assert.True(section >= 0);
        Assert.Contains("<!-- semantic-diagnostics-table -->", s_doc.Substring(section));
    }

    [Fact]
    public void Every_traj_example_in_the_doc_parses()
    {
        var blocks = PlainCodeBlocks(s_doc);
        Assert.True(blocks.Count >= 7, $"found only {blocks.Count} examples");
        foreach (var block in blocks)
        {
            var text = block.StartsWith("// line", StringComparison.Ordinal) || block.StartsWith("trajectory", StringComparison.Ordinal)
                ? block
                : "trajectory T {\n" + block + "}\n";
            var result = TrajParser.Parse(text, "doc.traj");
            Assert.True(result.Diagnostics.Count == 0, block + "\n" + string.Join("\n", result.Diagnostics));
        }
    }

    [Fact]
    public void The_overview_example_is_in_canonical_form()
    {
        var example = PlainCodeBlocks(s_doc)[0];
        var withoutComment = example.Substring(example.IndexOf('\n') + 1);
        Assert.Equal(withoutComment, TrajFormatter.Format(TrajParser.Parse(example, "doc.traj").Syntax));
    }

    // The bodies of the fenced blocks without an info string (the EBNF block is marked ```ebnf).
    private static List<string> PlainCodeBlocks(string markdown)
    {
        var blocks = new List<string>();
        List<string>? current = null;
        var plain = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                current?.Add(line);
                continue;
            }
            if (current is null)
            {
                current = new List<string>();
                plain = line.Trim() == "```";
                continue;
            }
            if (plain)
                blocks.Add(string.Join("\n", current) + "\n");
            current = null;
        }
        return blocks;
    }
}
