using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// The pipeline is incremental: an unrelated edit regenerates nothing, and each real edit regenerates only
/// what depends on it (the graph for a policy or attribute edit, one file's interceptors for a call edit).
/// </summary>
public sealed class CachingTests
{
    private const string Tools = """
        using Trajeckt;

        namespace Agent;

        public static class Support
        {
            [Tool("read_ticket")]
            public static string ReadTicket(int id) => id.ToString();

            [Tool("send_email"), Sink(SinkKind.External)]
            public static void SendEmail(string to, string body) { }
        }
        """;

    private const string Triage = """
        namespace Agent;

        public static class Triage
        {
            public static string Run() => Support.ReadTicket(1);
        }
        """;

    private const string Replies = """
        namespace Agent;

        public static class Replies
        {
            public static void Run(string text) => Support.SendEmail("a@example.com", text);
        }
        """;

    private const string Unrelated = """
        namespace Agent;

        public static class Arithmetic
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    private const string Policy = """
        trajectory Support {
          plan read_ticket send_email?;
        }
        """;

    private static readonly string[] s_pipelineSteps =
        [TrackingNames.Tools, TrackingNames.Policies, TrackingNames.Graphs, TrackingNames.ToolCatalogue, TrackingNames.InterceptorFiles, TrackingNames.InterceptorsEnabled, TrackingNames.HasAIFunctions, TrackingNames.Signing];

    private static GeneratorRun FirstRun(out AdditionalText policy)
    {
        policy = GeneratorHarness.Policy("support.traj", Policy);
        var compilation = GeneratorHarness.Compile([("Tools.cs", Tools), ("Triage.cs", Triage), ("Replies.cs", Replies), ("Arithmetic.cs", Unrelated)]);
        return GeneratorHarness.Run(GeneratorHarness.CreateDriver([policy]), compilation).AssertCompilesCleanly();
    }

    [Fact]
    public void AddingAnUnrelatedFileRegeneratesNothing()
    {
        var first = FirstRun(out _);

        var second = GeneratorHarness.Run(first.Driver, first.Input.AddSyntaxTrees(GeneratorHarness.Parse("Notes.cs", "namespace Agent; public static class Notes { }")));

        AssertNothingRegenerated(second);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void EditingAMethodBodyInAFileWithoutToolCallsRegeneratesNothing()
    {
        var first = FirstRun(out _);

        var second = GeneratorHarness.Run(first.Driver, ReplaceFile(first.Input, "Arithmetic.cs", Unrelated.Replace("x * 2", "x + x", StringComparison.Ordinal)));

        AssertNothingRegenerated(second);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void EditingThePolicyRegeneratesTheGraphOnly()
    {
        var first = FirstRun(out var policy);
        var edited = GeneratorHarness.Policy("support.traj", Policy.Replace("send_email?", "send_email*", StringComparison.Ordinal));

        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(policy, edited), first.Input).AssertCompilesCleanly();

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.Policies));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.Graphs));
        AssertCachedOrUnchanged(second, TrackingNames.Tools, TrackingNames.InterceptorFiles);
        Assert.NotEqual(first.Source("TrajecktGraphs.g.cs"), second.Source("TrajecktGraphs.g.cs"));
        Assert.Equal(first.InterceptorsOf("Triage.cs"), second.InterceptorsOf("Triage.cs"));
    }

    [Fact]
    public void AddingAnEffectAttributeRegeneratesTheGraph()
    {
        var first = FirstRun(out _);
        var tools = Tools.Replace("[Tool(\"read_ticket\")]", "[Tool(\"read_ticket\"), SensitiveRead(\"ticket-text\")]", StringComparison.Ordinal);

        var second = GeneratorHarness.Run(first.Driver, ReplaceFile(first.Input, "Tools.cs", tools)).AssertCompilesCleanly();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, TrackingNames.Tools));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.Graphs));
        Assert.NotEqual(first.Source("TrajecktGraphs.g.cs"), second.Source("TrajecktGraphs.g.cs"));
        // Every interceptor carries its tool's effects (the identity a session checks): the caller of read_ticket is
        // regenerated, the caller of send_email is not.
        Assert.NotEqual(first.InterceptorsOf("Triage.cs"), second.InterceptorsOf("Triage.cs"));
        Assert.Contains("new(\"read_ticket\", \"sensitive(\\\"ticket-text\\\")\")", second.InterceptorsOf("Triage.cs"), StringComparison.Ordinal);
        Assert.Equal(first.InterceptorsOf("Replies.cs"), second.InterceptorsOf("Replies.cs"));
    }

    [Fact]
    public void EditingAFileThatCallsAToolRegeneratesOnlyThatFilesInterceptors()
    {
        var first = FirstRun(out _);
        var triage = Triage.Replace("ReadTicket(1)", "ReadTicket(2)", StringComparison.Ordinal);

        var second = GeneratorHarness.Run(first.Driver, ReplaceFile(first.Input, "Triage.cs", triage)).AssertCompilesCleanly();

        var files = second.Result.TrackedSteps[TrackingNames.InterceptorFiles].SelectMany(step => step.Outputs)
            .Select(output => (((Model.InterceptorFileSpec)output.Value).HintName, output.Reason))
            .ToDictionary(output => output.HintName.Split('.')[1], output => output.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, files["Triage"]);
        Assert.True(files["Replies"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Replies: {files["Replies"]}");
        AssertCachedOrUnchanged(second, TrackingNames.Tools, TrackingNames.Policies, TrackingNames.Graphs);
        Assert.NotEqual(first.InterceptorsOf("Triage.cs"), second.InterceptorsOf("Triage.cs"));
        Assert.Equal(first.InterceptorsOf("Replies.cs"), second.InterceptorsOf("Replies.cs"));
        Assert.Equal(first.Source("TrajecktGraphs.g.cs"), second.Source("TrajecktGraphs.g.cs"));
    }

    [Fact]
    public void WithMicrosoftExtensionsAIAnUnrelatedFileRegeneratesNoFunctions()
    {
        var policy = GeneratorHarness.Policy("support.traj", Policy);
        var compilation = GeneratorHarness.Compile([("Tools.cs", Tools), ("Triage.cs", Triage), ("Replies.cs", Replies)], includeAI: true);
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver([policy]), compilation).AssertCompilesCleanly();

        var second = GeneratorHarness.Run(first.Driver, first.Input.AddSyntaxTrees(GeneratorHarness.Parse("Notes.cs", "namespace Agent; public static class Notes { }")));

        AssertNothingRegenerated(second);
        AssertCachedOrUnchanged(second, TrackingNames.AIFunctions);
        Assert.NotEmpty(Reasons(second, TrackingNames.AIFunctions));
        Assert.Equal(first.Sources, second.Sources);
        Assert.Contains("TrajecktGraphs.AIFunctions.g.cs", second.Sources.Keys);
    }

    [Fact]
    public void NoPipelineModelHoldsASymbolSyntaxOrCompilation()
    {
        var run = FirstRun(out _);

        var outputTypes = s_pipelineSteps
            .SelectMany(name => run.Result.TrackedSteps[name])
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value.GetType())
            .Distinct()
            .ToList();

        Assert.Contains(typeof(Model.ToolSpec), outputTypes);
        Assert.Contains(typeof(Model.GraphSetSpec), outputTypes);
        Assert.Contains(typeof(Model.InterceptorFileSpec), outputTypes);
        Assert.Empty(outputTypes.SelectMany(PipelineModels.ForbiddenMembers));
    }

    [Fact]
    public void TheModelCheckFindsAForbiddenMember()
    {
        var found = Assert.Single(PipelineModels.ForbiddenMembers(typeof(HoldsASymbol)));
        Assert.Contains("(ISymbol)", found, StringComparison.Ordinal);
    }

    private static Compilation ReplaceFile(Compilation compilation, string fileName, string text)
    {
        var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == GeneratorHarness.Root + fileName);
        return compilation.ReplaceSyntaxTree(old, GeneratorHarness.Parse(fileName, text));
    }

    private static void AssertNothingRegenerated(GeneratorRun run)
    {
        Assert.Null(run.Result.Exception);
        AssertCachedOrUnchanged(run, s_pipelineSteps);
        // Every step still produced its outputs (a vanished step would make the check above vacuous).
        Assert.NotEmpty(Reasons(run, TrackingNames.Tools));
        Assert.NotEmpty(Reasons(run, TrackingNames.InterceptorFiles));
    }

    private static void AssertCachedOrUnchanged(GeneratorRun run, params string[] steps)
    {
        foreach (var step in steps)
        {
            var reasons = Reasons(run, step);
            Assert.True(reasons.All(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged),
                $"step {step} ran with {string.Join(", ", reasons)}");
        }
    }

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRun run, string step)
    {
        Assert.True(run.Result.TrackedSteps.TryGetValue(step, out var runs), $"no tracked step {step}");
        return runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
    }

    private sealed record HoldsASymbol(ISymbol[] Tools);
}
