using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// An edit binds again only the edited file's calls: the other files keep the very binding of the last run. A change of the tools (or the references) binds every file again, so an unchanged caller of a
/// method that just became a tool is intercepted, and one of a method that stopped being one is not.
/// </summary>
public sealed class BindingCacheTests
{
    private const string Tools = """
        using Trajeckt;

        namespace Agent;

        public static class Support
        {
            [Tool("read_ticket")]
            public static string ReadTicket(int id) => id.ToString();

            public static string Summarize(string text) => text;
        }
        """;

    private const string Triage = """
        namespace Agent;

        public static class Triage
        {
            public static string Run() => Support.Summarize(Support.ReadTicket(1));
        }
        """;

    private const string Notes = """
        namespace Agent;

        public static class Notes
        {
            public static string Run() => Support.ReadTicket(2);
        }
        """;

    private static GeneratorRun FirstRun() =>
        GeneratorHarness.Run(GeneratorHarness.CreateDriver(),
            GeneratorHarness.Compile([("Tools.cs", Tools), ("Triage.cs", Triage), ("Notes.cs", Notes)])).AssertCompilesCleanly();

    [Fact]
    public void An_edit_of_one_caller_binds_only_that_file_again()
    {
        var first = FirstRun();
        var triage = Binding(first, "Triage.cs");
        var tools = Binding(first, "Tools.cs");
        var notes = Notes.Replace("ReadTicket(2)", "ReadTicket(3)", StringComparison.Ordinal);

        var second = GeneratorHarness.Run(first.Driver, ReplaceFile(first.Input, "Notes.cs", notes)).AssertCompilesCleanly();

        Assert.NotNull(triage);
        Assert.Same(triage, Binding(second, "Triage.cs"));
        Assert.Same(tools, Binding(second, "Tools.cs"));
        Assert.NotNull(Binding(second, "Notes.cs"));
        Assert.NotEqual(first.InterceptorsOf("Notes.cs"), second.InterceptorsOf("Notes.cs"));
    }

    [Fact]
    public void A_method_that_becomes_a_tool_is_intercepted_in_every_unchanged_caller()
    {
        var first = FirstRun();
        Assert.DoesNotContain("Summarize", first.InterceptorsOf("Triage.cs"), StringComparison.Ordinal);
        var triage = Binding(first, "Triage.cs");
        var tools = Tools.Replace("public static string Summarize", "[Tool(\"summarize\")] public static string Summarize", StringComparison.Ordinal);

        var second = GeneratorHarness.Run(first.Driver, ReplaceFile(first.Input, "Tools.cs", tools)).AssertCompilesCleanly();

        Assert.NotSame(triage, Binding(second, "Triage.cs"));
        Assert.Contains("new(\"summarize\"", second.InterceptorsOf("Triage.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_that_stops_being_a_tool_is_no_longer_intercepted_in_unchanged_callers()
    {
        var first = FirstRun();
        Assert.Contains("new(\"read_ticket\"", first.InterceptorsOf("Notes.cs"), StringComparison.Ordinal);
        var tools = Tools.Replace("[Tool(\"read_ticket\")]", string.Empty, StringComparison.Ordinal)
            .Replace("public static string Summarize", "[Tool(\"summarize\")] public static string Summarize", StringComparison.Ordinal);

        var second = GeneratorHarness.Run(first.Driver, ReplaceFile(first.Input, "Tools.cs", tools)).AssertCompilesCleanly();

        Assert.DoesNotContain("TrajecktInterceptors.Notes.", string.Join(" ", second.Sources.Keys), StringComparison.Ordinal);
        Assert.Contains("new(\"summarize\"", second.InterceptorsOf("Triage.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_reference_binds_every_file_again()
    {
        var first = FirstRun();
        var triage = Binding(first, "Triage.cs");
        var referenced = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Library",
            [GeneratorHarness.Parse("Library.cs", "namespace Library; public static class Clock { public static int Now() => 0; }")],
            first.Input.References).ToMetadataReference();

        var second = GeneratorHarness.Run(first.Driver, first.Input.AddReferences(referenced)).AssertCompilesCleanly();

        Assert.NotSame(triage, Binding(second, "Triage.cs"));
        Assert.Equal(first.InterceptorsOf("Triage.cs"), second.InterceptorsOf("Triage.cs"));
    }

    private static object? Binding(GeneratorRun run, string fileName) =>
        InterceptorFileCache.BindingOf(run.Input.SyntaxTrees.Single(tree => tree.FilePath == GeneratorHarness.Root + fileName));

    private static Compilation ReplaceFile(Compilation compilation, string fileName, string text)
    {
        var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == GeneratorHarness.Root + fileName);
        return compilation.ReplaceSyntaxTree(old, GeneratorHarness.Parse(fileName, text));
    }
}
