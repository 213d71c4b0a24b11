using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// A tool method is a [Tool] method and every member that overrides it, implements it or is implemented by it
/// (docs/mediation.md): a tool that a non-tool member reaches by dispatch is an error at the declaration.
/// </summary>
public sealed class DispatchRulesTests
{
    [Theory]
    [InlineData("public class Base { public virtual void Send() { } }", "public sealed class Mailer : Base { [Tool(\"send\")] public override void Send() { } }", "overrides 'Base.Send()', which is not marked [Tool]")]
    [InlineData("public class Base { [Tool(\"post\")] public virtual void Send() { } }", "public sealed class Mailer : Base { [Tool(\"send\")] public override void Send() { } }", "is tool 'post', not 'send'")]
    [InlineData("public class Base { [Tool(\"send\")] public virtual void Send() { } }", "public sealed class Mailer : Base { [Tool(\"send\"), Sink(SinkKind.External)] public override void Send() { } }", "with effects 'none', not 'sink(external)'")]
    [InlineData("public interface ISender { void Send(); }", "public sealed class Mailer : ISender { [Tool(\"send\")] public void Send() { } }", "implements 'ISender.Send()', which is not marked [Tool]")]
    [InlineData("public interface ISender { void Send(); }", "public sealed class Mailer : ISender { [Tool(\"send\")] void ISender.Send() { } }", "implements 'ISender.Send()', which is not marked [Tool]")]
    [InlineData("public interface IMake { static abstract void Send(); }", "public sealed class Mailer : IMake { [Tool(\"send\")] public static void Send() { } }", "implements static interface member")]
    public void TRJ1012_AToolThatANonToolMemberReachesIsAnError(string baseDeclaration, string toolDeclaration, string message)
    {
        var source = $$"""
            using Trajeckt;

            namespace Agent;

            {{baseDeclaration}}

            {{toolDeclaration}}
            """;

        var run = GeneratorHarness.Run([("Mailer.cs", source)]);

        var diagnostic = Assert.Single(run.WithId("TRJ1012"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("To fix it,", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void TRJ1012_AToolOverridingAReferencedNonToolVirtualIsAnError()
    {
        var library = GeneratorHarness.Compile([("Library.cs", "namespace Lib; public class Channel { public virtual void Post(string text) { } }")]);
        var source = """
            using Trajeckt;

            namespace Agent;

            public sealed class Loud : Lib.Channel
            {
                [Tool("post")] public override void Post(string text) { }
            }
            """;
        var compilation = GeneratorHarness.Compile([("Loud.cs", source)]).AddReferences(library.ToMetadataReference());

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);

        var diagnostic = Assert.Single(run.WithId("TRJ1012"));
        Assert.Contains("'Channel.Post(string)'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public class Base { [Tool(\"send\")] public virtual void Send() { } }", "public sealed class Mailer : Base { public override void Send() { } }", "Send() { }", "'Mailer.Send()' overrides tool 'send'")]
    [InlineData("public interface ISender { [Tool(\"send\"), Sink(SinkKind.External)] void Send(); }", "public sealed class Mailer : ISender { public void Send() { } }", "Send() { }", "'Mailer.Send()' implements tool 'send'")]
    [InlineData("public interface ISender { [Tool(\"send\")] void Send(); }", "public sealed class Mailer : ISender { void ISender.Send() { } }", "Send() { }", "implements tool 'send'")]
    [InlineData("public interface ISender { [Tool(\"send\")] void Send(); } public class Plain { public void Send() { } }", "public sealed class Mailer : Plain, ISender { }", "Mailer :", "'Plain.Send()', which Mailer inherits, implements tool 'send'")]
    public void TRJ1013_AnUnmarkedOverrideOrImplementationOfAToolIsAnError(string baseDeclaration, string derived, string marker, string message)
    {
        var source = $$"""
            using Trajeckt;

            namespace Agent;

            {{baseDeclaration}}

            {{derived}}
            """;

        var run = GeneratorHarness.Run([("Mailer.cs", source)]);

        var diagnostic = Assert.Single(run.WithId("TRJ1013"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Mark it [Tool(\"send\")]", diagnostic.GetMessage(), StringComparison.Ordinal);
        // The marker in the derived type, not in the base.
        var index = source.IndexOf(derived, StringComparison.Ordinal) + derived.IndexOf(marker, StringComparison.Ordinal);
        Positions.AssertAt(diagnostic, "Mailer.cs", source[..index].Replace(marker, new string(' ', marker.Length), StringComparison.Ordinal) + source[index..], marker);
    }

    [Fact]
    public void TRJ1013_AnUnmarkedOverrideOfAReferencedToolIsAnError()
    {
        var library = GeneratorHarness.Compile([("Library.cs", "using Trajeckt; namespace Lib; public class Channel { [Tool(\"post\"), Sink(SinkKind.External)] public virtual void Post(string text) { } }")]);
        var source = """
            namespace Agent;

            public sealed class Quiet : Lib.Channel
            {
                public override void Post(string text) { }
            }
            """;
        var compilation = GeneratorHarness.Compile([("Quiet.cs", source)]).AddReferences(library.ToMetadataReference());

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);

        var diagnostic = Assert.Single(run.WithId("TRJ1013"));
        Assert.Contains("effects: sink(external)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToolsMarkedTheSameAlongEveryDispatchPathAreAccepted()
    {
        const string source = """
            using Trajeckt;

            namespace Agent;

            public interface ISender
            {
                [Tool("send"), Sink(SinkKind.External)] void Send(string text);
            }

            public class Mailer : ISender
            {
                [Tool("send"), Sink(SinkKind.External)] public virtual void Send(string text) { }
            }

            public sealed class LoudMailer : Mailer
            {
                [Tool("send"), Sink(SinkKind.External)] public override void Send(string text) { }
            }

            public static class Use
            {
                public static void Run(ISender sender, LoudMailer mailer)
                {
                    sender.Send("a");
                    mailer.Send("b");
                }
            }
            """;

        var run = GeneratorHarness.Run([("Mail.cs", source)]);

        Assert.Empty(run.Diagnostics.Where(d => d.Id is "TRJ1012" or "TRJ1013"));
        Assert.Contains("InterceptsLocation", run.InterceptorsOf("Mail.cs"), StringComparison.Ordinal);
    }
}
