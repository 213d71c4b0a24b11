using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Trajeckt.Generators.Tests.Infrastructure;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// Any tool or trajectory names a developer may write: the generated graph declares exactly those tools,
/// and the generated code (C# identifiers, string literals, XML doc comments) compiles for every one.
/// </summary>
public sealed class GeneratedNamesTests
{
    // Characters that are awkward somewhere in generated C#: separators that Traj names allow, quotes,
    // XML specials, a keyword's letters, a non-ASCII letter, and the Unicode line terminators of C#.
    private static readonly Gen<string> s_name = Gen.OneOf(
        Gen.OneOf(new[] { "class", "await", "Tools", "Name", "_x", "9lives", "a-b", "a_b", "a.b/c" }.Select(Gen.Const).ToArray()),
        Gen.Char["abcXYZ019_-./ \"\\<>&é\u0085\u2028\u2029"].Array[1, 8].Select(chars => new string(chars)))
        .Where(name => name != "_" && name.Trim().Length > 0);

    [Fact]
    public void EveryValidToolNameCompilesToItsOwnTool()
    {
        s_name.HashSet[1, 5].Sample(names =>
        {
            var ordered = names.Order(StringComparer.Ordinal).ToList();
            var methods = string.Join("\n", ordered.Select((name, i) => $"    [Tool({SymbolDisplay.FormatLiteral(name, quote: true)})]\n    internal static int M{i}() => {i};"));
            var calls = string.Join(" + ", ordered.Select((_, i) => $"M{i}()"));
            var source = $"using Trajeckt;\nnamespace Agent;\ninternal static class Named\n{{\n{methods}\n    internal static int All() => {calls};\n}}\n";

            // With Microsoft.Extensions.AI, so that the names also pass through CreateAIFunctions and its doc comment.
            var run = GeneratorHarness.Run([("Named.cs", source)], includeAI: true);

            run.AssertCompilesCleanly();
            Assert.Empty(run.Diagnostics);
            var encoding = run.Output.Assembly.GetAttributes().Single(a => a.AttributeClass?.Name == "TrajecktGraphAttribute").ConstructorArguments[1].Value;
            Assert.Equal(ordered, GraphDecoder.Decode(Convert.FromBase64String((string)encoding!)).Tools.Select(t => t.Name));
        }, iter: 40, threads: 1);
    }

    [Theory]
    [InlineData("\"line\u2028separator\"")]
    [InlineData("\"next\u0085line\"")]
    [InlineData("\"a <b> & c\"")]
    [InlineData("\"class\"")]
    public void AnyTrajectoryNameCompiles(string quotedName)
    {
        const string source = "using Trajeckt;\nnamespace Agent;\ninternal static class Named\n{\n    [Tool]\n    internal static int Ping() => 0;\n}\n";

        var run = GeneratorHarness.Run([("Named.cs", source)], [("policy.traj", $"trajectory {quotedName} {{ plan Ping*; }}")], includeAI: true);

        run.AssertCompilesCleanly();
        Assert.Empty(run.Diagnostics);
        Assert.Contains($"public const string Name = {SymbolDisplay.FormatLiteral(quotedName.Trim('"'), quote: true)};", run.Source("TrajecktGraphs.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedDocCommentsAreWellFormedForAwkwardNames()
    {
        // With documentation checks on, a name that breaks a generated doc comment shows as CS1570.
        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        // Two tools so that CreateAIFunctions's doc comment lists one offered and one left out (generic).
        const string source = "using Trajeckt;\nnamespace Agent;\ninternal static class Named\n{\n    [Tool(\"<a & b>\")]\n    internal static int M() => 0;\n    [Tool(\"x\\u2028&y\")]\n    internal static T G<T>(T t) => t;\n}\n";
        var compilation = GeneratorHarness.Compile([("Named.cs", source)], includeAI: true, options: options);

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(options: options), compilation);

        run.AssertCompilesCleanly();
    }
}
