using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// [Tool] is accepted only where the generator can gate every call (docs/mediation.md): anywhere else it is an
/// error at the declaration (TRJ1009-TRJ1011), never silently ignored, and the member never becomes a tool.
/// </summary>
public sealed class DeclarationRulesTests
{
    [Theory]
    [InlineData("public string Name { [Tool] get => \"\"; }", "get", "property or indexer accessor")]
    [InlineData("public string this[int i] { [Tool] get => \"\"; }", "get", "property or indexer accessor")]
    [InlineData("public string Name { get => \"\"; [Tool] set { } }", "set", "property or indexer accessor")]
    [InlineData("public event System.Action Changed { [Tool] add { } remove { } }", "add", "event accessor")]
    [InlineData("[Tool] public static Box operator +(Box a, Box b) => a;", "+(Box", "an operator")]
    [InlineData("[Tool] public static implicit operator string(Box b) => \"\";", "string(Box", "conversion operator")]
    [InlineData("public void Run() { Local(); [Tool] static void Local() { } }", "Local() { }", "local function")]
    [InlineData("public System.Func<string> Make() => [Tool] () => \"\";", "[Tool] ()", "lambda")]
    public void TRJ1009_ToolOnAMemberThatCannotBeGatedIsAnError(string member, string marker, string reason)
    {
        var source = $$"""
            using Trajeckt;

            namespace Agent;

            public sealed class Box
            {
                {{member}}
            }
            """;

        var run = GeneratorHarness.Run([("Box.cs", source)]);

        var diagnostic = Assert.Single(run.WithId("TRJ1009"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("mark that method [Tool]", diagnostic.GetMessage(), StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "Box.cs", source, marker);
        Assert.DoesNotContain(run.Sources.Keys, hint => hint.StartsWith("TrajecktInterceptors.", StringComparison.Ordinal));
    }

    [Fact]
    public void TRJ1009_AFinalizerToolIsAnError()
    {
        const string source = """
            using Trajeckt;

            namespace Agent;

            public sealed class Handle
            {
                [Tool] ~Handle() { }
            }
            """;

        var diagnostic = Assert.Single(GeneratorHarness.Run([("Handle.cs", source)]).WithId("TRJ1009"));

        Assert.Contains("finalizer", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void TRJ1009_AnExtensionBlockMemberIsAnErrorAndDoesNotCrashTheGenerator()
    {
        const string source = """
            using Trajeckt;

            namespace Agent;

            public static class Mail
            {
                extension(string address)
                {
                    [Tool]
                    public void Send(string body) { }
                }

                public static void Use() => "a@example.com".Send("hi");
            }
            """;

        var run = GeneratorHarness.Run([("Mail.cs", source)]);

        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.WithId("TRJ1009"));
        Assert.Contains("extension block", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("classic 'this' extension method", diagnostic.GetMessage(), StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "Mail.cs", source, "Send(string body)");
    }

    [Fact]
    public void TRJ1009_AStaticAbstractInterfaceToolIsAnError()
    {
        const string source = """
            using Trajeckt;

            namespace Agent;

            public interface IFactory
            {
                [Tool] static abstract string Make();
            }
            """;

        var diagnostic = Assert.Single(GeneratorHarness.Run([("Factory.cs", source)]).WithId("TRJ1009"));

        Assert.Contains("type parameter", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Tool] public static void Main() { }", "entry point")]
    [InlineData("[Tool, System.Runtime.CompilerServices.ModuleInitializer] public static void Boot() { }", "[ModuleInitializer]")]
    [InlineData("[Tool, System.Runtime.InteropServices.UnmanagedCallersOnly] public static void Native() { }", "[UnmanagedCallersOnly]")]
    [InlineData("[Tool, System.Runtime.Serialization.OnDeserialized] public void Restore(System.Runtime.Serialization.StreamingContext c) { }", "serialization callback")]
    public void TRJ1010_AToolTheRuntimeCallsIsAnError(string member, string reason)
    {
        var source = $$"""
            using Trajeckt;

            namespace Agent;

            public class Program
            {
                {{member}}
            }
            """;

        var diagnostic = Assert.Single(GeneratorHarness.Run([("Program.cs", source)]).WithId("TRJ1010"));

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("call a separate [Tool] method", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public System.Collections.Generic.IEnumerator<int> GetEnumerator() => null!;", "foreach")]
    [InlineData("public void Dispose() { }", "using")]
    [InlineData("public void Deconstruct(out int a, out int b) { a = 0; b = 0; }", "deconstruction")]
    [InlineData("public void Add(int item) { }", "collection initializers")]
    [InlineData("public Box Select(System.Func<int, int> f) => this;", "query expressions")]
    [InlineData("public Box Slice(int start, int length) => this;", "ranges")]
    [InlineData("public System.Runtime.CompilerServices.TaskAwaiter GetAwaiter() => default;", "await")]
    [InlineData("public static Box Build(System.ReadOnlySpan<int> items) => new();", "[CollectionBuilder]")]
    [InlineData("public override string ToString() => \"\";", "string interpolation")]
    public void TRJ1011_AToolTheCompilerCallsImplicitlyIsAnError(string member, string construct)
    {
        var source = $$"""
            using Trajeckt;

            namespace Agent;

            public sealed class Box
            {
                [Tool("box_tool")]
                {{member}}
            }
            """;

        var diagnostic = Assert.Single(GeneratorHarness.Run([("Box.cs", source)]).WithId("TRJ1011"));

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(construct, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Rename the method", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OrdinaryStaticInstanceExtensionAndExplicitInterfaceToolsAreAccepted()
    {
        const string source = """
            using Trajeckt;

            namespace Agent;

            public interface INotes
            {
                [Tool("write_note")] void Write(string text);
            }

            public sealed class Notes : INotes
            {
                [Tool("write_note")] void INotes.Write(string text) { }

                [Tool("read_note")] public string Read() => "";

                [Tool("add_note")] public void AddNote(string text) { }
            }

            public static class NoteExtensions
            {
                [Tool("count_notes")] public static int Count(this Notes notes) => 0;

                public static void Use(Notes notes, INotes writer)
                {
                    writer.Write(notes.Read());
                    notes.AddNote("x");
                    _ = notes.Count();
                }
            }
            """;

        var run = GeneratorHarness.Run([("Notes.cs", source)]).AssertCompilesCleanly();

        Assert.Empty(run.Diagnostics);
        Assert.Contains("InterceptsLocation", run.InterceptorsOf("Notes.cs"), StringComparison.Ordinal);
    }
}
