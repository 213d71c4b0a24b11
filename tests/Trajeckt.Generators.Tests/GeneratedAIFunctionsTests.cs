using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// <c>TrajecktGraphs.&lt;Trajectory&gt;.CreateAIFunctions(...)</c>: which tools it offers, what it takes, and that it
/// exists only where Microsoft.Extensions.AI does. (The snapshot GeneratedAIFunctions shows a whole file; the
/// Extensions.AI tests run the sample's through a real pipeline.)
/// </summary>
public sealed class GeneratedAIFunctionsTests
{
    private const string HintName = "TrajecktGraphs.AIFunctions.g.cs";

    [Fact]
    public void WithoutMicrosoftExtensionsAINoFunctionsAreGenerated()
    {
        var run = GeneratorHarness.Run([("Tools.cs", "using Trajeckt;\nnamespace Agent;\npublic static class T { [Tool] public static int Ping() => 1; }\n")]);

        run.AssertCompilesCleanly();
        Assert.DoesNotContain(HintName, run.Sources.Keys);
    }

    [Fact]
    public void TheAutoCommitmentOffersEveryToolAndTakesOneTargetPerTypeOfInstanceTools()
    {
        const string tools = """
            using Trajeckt;

            namespace Agent.Mail
            {
                public sealed class Mailer { [Tool("send_email"), Sink(SinkKind.External)] public void Send(string to) { } }
            }

            namespace Agent.Chat
            {
                public sealed class Mailer { [Tool("post_chat")] public void Send(string to) { } }
                public sealed class Event { [Tool("log_event")] public void Log() { } }
                public static class Clock { [Tool("now")] public static long Now() => 0; }
            }
            """;

        var run = GeneratorHarness.Run([("Tools.cs", tools)], includeAI: true).AssertCompilesCleanly();

        var source = run.Source(HintName);
        // Ordered by type; same simple names made unique; a keyword escaped.
        Assert.Contains("CreateAIFunctions(global::Agent.Chat.Event @event, global::Agent.Chat.Mailer mailer, global::Agent.Mail.Mailer mailer_2)", source, StringComparison.Ordinal);
        Assert.Contains("TrajecktGatedAIFunction.Create(new global::System.Action<string>(mailer_2.Send), \"send_email\", \"sink(external)\")", source, StringComparison.Ordinal);
        Assert.Contains("TrajecktGatedAIFunction.Create(new global::System.Func<long>(global::Agent.Chat.Clock.Now), \"now\", \"none\")", source, StringComparison.Ordinal);
        Assert.Contains("/// <param name=\"event\">Runs log_event.</param>", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Left out", source, StringComparison.Ordinal);
    }

    [Fact]
    public void ATrajectoryWithNoOfferableToolTakesNothingAndReturnsNoFunction()
    {
        const string tools = "using Trajeckt;\nnamespace Agent;\npublic sealed class Files { [Tool] public T Read<T>(T path) => path; }\n";

        var run = GeneratorHarness.Run([("Tools.cs", tools)], [("policy.traj", "trajectory Reader { plan Read*; }")], includeAI: true).AssertCompilesCleanly();

        var source = run.Source(HintName);
        Assert.Contains("CreateAIFunctions()", source, StringComparison.Ordinal);
        Assert.Contains("return global::System.Array.Empty<global::Microsoft.Extensions.AI.AIFunction>();", source, StringComparison.Ordinal);
        Assert.Contains("<item><description>Read: it is generic, and a function needs fixed types.</description></item>", source, StringComparison.Ordinal);
    }

    [Fact]
    public void APolicyToolWithoutAMethodIsNotMentioned()
    {
        const string tools = "using Trajeckt;\nnamespace Agent;\npublic static class Files { [Tool] public static string Read(string path) => path; }\n";
        const string policy = "trajectory Reader {\n  tool upload : sink(external);\n  plan Read upload?;\n}\n";

        var run = GeneratorHarness.Run([("Tools.cs", tools)], [("policy.traj", policy)], includeAI: true);

        Assert.Equal(["TRJ1001"], run.Diagnostics.Select(d => d.Id));
        var source = run.Source(HintName);
        Assert.Contains("\"Read\", \"none\")", source, StringComparison.Ordinal);
        Assert.DoesNotContain("upload", source, StringComparison.Ordinal);
    }
}
