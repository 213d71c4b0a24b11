using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Tests.Infrastructure;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// Guards against the generator silently not running: a compiler skips a generator built against a newer
/// Roslyn with only warning CS9057, and then every tool call bypasses the gate.
/// </summary>
public sealed class GeneratorRanTests
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

    private const string HeuristicAgent = """
        using Trajeckt;

        namespace Agent;

        public static class HeuristicProgram
        {
            // The heuristic session of the auto-commitment needs no seal, and allows an unclassified tool.
            public static string Run()
            {
                var session = TrajecktGraphs.Default.BeginSession(new TrajecktOptions { AllowUncommitted = true, RequireCommitment = false });
                return Tickets.Read(8) + $" heuristic={session.IsHeuristic} decisions={session.GetRecentDecisions().Count}";
            }
        }
        """;

    [Fact]
    public void TheGeneratorRunsWithoutAnExceptionAndEmitsTheGraphAndTheInterceptors()
    {
        var run = GeneratorHarness.Run([("Agent.cs", Agent)]).AssertCompilesCleanly();

        Assert.Null(run.Result.Exception);
        Assert.Contains("internal static partial class Default", run.Source("TrajecktGraphs.g.cs"), StringComparison.Ordinal);
        Assert.Contains("ToolSlot s_tool0 = new(\"read_ticket\", \"none\")", run.InterceptorsOf("Agent.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnInterceptedCallIsDecidedByTheGateAndRefusedWithoutASession()
    {
        var run = GeneratorHarness.Run([("Agent.cs", Agent)]).AssertCompilesCleanly();

        var refusal = Assert.Throws<TrajectoryViolationException>(() => Invoke(run.Output, "Agent.Program"));

        Assert.Equal(DecisionReason.NoCommitment, refusal.Reason);
    }

    [Fact]
    public void AnInterceptedCallThatTheSessionAllowsRunsTheTool()
    {
        var run = GeneratorHarness.Run([("Agent.cs", Agent), ("HeuristicAgent.cs", HeuristicAgent)]).AssertCompilesCleanly();

        Assert.Equal("ticket 8 heuristic=True decisions=1", Invoke(run.Output, "Agent.HeuristicProgram"));
    }

    [Fact]
    public void WithoutTheGeneratorTheSameCallRunsUngated()
    {
        // The control for the two tests above: what a silently skipped generator would give.
        var compilation = GeneratorHarness.Compile([("Agent.cs", Agent)]);

        Assert.Equal("ticket 7", Invoke(compilation, "Agent.Program"));
    }

    [Fact]
    public void TheGeneratorReferencesNoRoslynNewerThan4_14()
    {
        var references = typeof(TrajecktGenerator).Assembly.GetReferencedAssemblies();

        var roslyn = references.Where(r => r.Name is "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp").ToList();
        Assert.Contains(roslyn, r => r.Name == "Microsoft.CodeAnalysis");
        Assert.All(roslyn, r => Assert.True(r.Version <= new Version(4, 14, 0, 0), $"{r.Name} {r.Version} is newer than 4.14: compilers older than it skip the generator (CS9057)"));
    }

    [Theory]
    [InlineData(typeof(TrajecktGenerator))]
    [InlineData(typeof(Trajeckt.Traj.TrajCompiler))]
    public void TheGeneratorAndTheCompilerItLoadsTargetNetStandard2_0(Type type)
    {
        var framework = type.Assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>();

        Assert.Equal(".NETStandard,Version=v2.0", framework?.FrameworkName);
    }

    /// <summary>Emits <paramref name="compilation"/>, loads it apart, and calls <c>Run()</c> of <paramref name="type"/>.</summary>
    private static string Invoke(Compilation compilation, string type)
    {
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new AssemblyLoadContext("agent", isCollectible: true);
        try
        {
            image.Position = 0;
            var entry = context.LoadFromStream(image).GetType(type, throwOnError: true)!.GetMethod("Run")!;
            // On a thread of its own, so that a session the agent makes current does not leak into other tests.
            return Task.Run(() =>
            {
                try
                {
                    return (string)entry.Invoke(null, null)!;
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    throw e.InnerException;
                }
            }).GetAwaiter().GetResult();
        }
        finally
        {
            context.Unload();
        }
    }
}
