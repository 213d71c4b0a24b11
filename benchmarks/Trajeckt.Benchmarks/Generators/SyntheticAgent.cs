using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Trajeckt.Benchmarks.Generators;

/// <summary>
/// A synthetic agent project for the generator: tools spread over tool files, call sites spread over caller
/// files, and one file with no tool call for the unrelated edit.
/// </summary>
internal static class SyntheticAgent
{
    public const string UnrelatedPath = "/agent/Unrelated.cs";

    public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Preview)
        .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", "Trajeckt.Generated")]);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>The project's syntax trees: <paramref name="tools"/> tools in files of 100, and <paramref name="calls"/> calls over <paramref name="callerFiles"/> files.</summary>
    public static IReadOnlyList<SyntaxTree> Create(int tools, int calls, int callerFiles)
    {
        var trees = new List<SyntaxTree>();
        for (var file = 0; file * 100 < tools; file++)
        {
            var text = new StringBuilder("using Trajeckt;\nnamespace Agent.Tools;\n");
            text.Append("public static class Tools").Append(file).Append("\n{\n");
            for (var tool = file * 100; tool < Math.Min(tools, (file + 1) * 100); tool++)
            {
                // A mix of effects, so the graph is not trivial.
                var effects = (tool % 10) switch
                {
                    0 => ", SensitiveRead(\"pii\")",
                    1 => ", Sink(SinkKind.External)",
                    2 => ", Sink(SinkKind.Control)",
                    _ => string.Empty,
                };
                text.Append("    [Tool(\"t").Append(tool.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append("\")").Append(effects).Append("]\n");
                text.Append("    public static int T").Append(tool).Append("(int x) => x + ").Append(tool).Append(";\n");
            }
            text.Append("}\n");
            trees.Add(Parse($"/agent/Tools{file}.cs", text.ToString()));
        }

        var perFile = calls / callerFiles;
        for (var file = 0; file < callerFiles; file++)
        {
            var text = new StringBuilder("using Agent.Tools;\nnamespace Agent.Callers;\n");
            text.Append("public static class Caller").Append(file).Append("\n{\n    public static int Run()\n    {\n        var x = 0;\n");
            for (var call = 0; call < perFile; call++)
            {
                var tool = (file * perFile + call) % tools;
                text.Append("        x = Tools").Append(tool / 100).Append(".T").Append(tool).Append("(x);\n");
            }
            text.Append("        return x;\n    }\n}\n");
            trees.Add(Parse($"/agent/Caller{file}.cs", text.ToString()));
        }

        trees.Add(Parse(UnrelatedPath, UnrelatedSource(0)));
        return trees;
    }

    /// <summary>The file with no tool call, in its <paramref name="version"/>th edit.</summary>
    public static string UnrelatedSource(int version) =>
        $"namespace Agent;\npublic static class Unrelated\n{{\n    public static int Twice(int x) => x * 2 + {version};\n}}\n";

    public static SyntaxTree Parse(string path, string text) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("Agent", trees, s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The compilation with the unrelated file's body edited.</summary>
    public static Compilation EditUnrelated(Compilation compilation, int version) =>
        compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(t => t.FilePath == UnrelatedPath),
            Parse(UnrelatedPath, UnrelatedSource(version)));

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return trusted
            .Append(typeof(ToolAttribute).Assembly.Location)
            .Append(typeof(Trajeckt.Traj.TrajCompiler).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}
