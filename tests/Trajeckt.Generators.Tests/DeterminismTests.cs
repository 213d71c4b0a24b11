using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>A deterministic build with a path map gives the same assembly in whatever folder it is built, generated code included.</summary>
public sealed class DeterminismTests
{
    private const string Agent = """
        using Trajeckt;

        namespace Agent;

        public static class Tickets
        {
            [Tool("read_ticket")]
            public static string Read(int id) => "ticket " + id;
        }

        public static class Program
        {
            public static string Run() => Tickets.Read(7);
        }
        """;

    [Fact]
    public void TheAssemblyDoesNotDependOnTheFolderItIsBuiltIn()
    {
        var alice = Build("/home/alice/src/agent/");
        var ci = Build("/build/1234/agent/");

        Assert.Equal(alice, ci);
    }

    /// <summary>Builds as a CI build does: deterministic, with the source root mapped to /_/.</summary>
    private static byte[] Build(string root)
    {
        var tree = CSharpSyntaxTree.ParseText(Agent, GeneratorHarness.ParseOptions, path: root + "Agent.cs");
        var resolver = new SourceFileResolver(ImmutableArray<string>.Empty, root, [new KeyValuePair<string, string>(root, "/_/")]);
        var compilation = CSharpCompilation.Create(GeneratorHarness.AssemblyName, [tree], CompilationReferences.Get(includeAI: false),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true, sourceReferenceResolver: resolver));

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation).AssertCompilesCleanly();
        Assert.Contains("ToolSlot s_tool0 = new(\"read_ticket\", \"none\")", run.InterceptorsOf("Agent.cs"), StringComparison.Ordinal);

        using var image = new MemoryStream();
        var emit = run.Output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return image.ToArray();
    }
}
