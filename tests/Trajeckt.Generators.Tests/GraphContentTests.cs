using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Trajeckt.Generators.Tests.Infrastructure;
using Trajeckt.Traj;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Generators.Tests;

/// <summary>
/// What the generated graph means: the graph compiled into the assembly (the one that signing reads) is
/// the one Traj compiler's graph of the attributes and the policy, and the generated constants agree with it.
/// </summary>
public sealed partial class GraphContentTests
{
    private const string Tools = """
        using Trajeckt;

        namespace Agent;

        public static class Crm
        {
            [Tool("read_customer"), SensitiveRead("customer-pii", "billing")]
            public static string ReadCustomer(string id) => id;

            [Tool, Sink(SinkKind.External), NetworkEgress]
            public static void Upload([Origin(Trust.CleanWorkspace)] string payload) { }

            [Tool, Sink(SinkKind.Control), Origin(Trust.Memory)]
            public static void Remember(string note, [Origin(Trust.External)] string source, [Origin(Trust.TrustedUser)] string rule) { }

            [Tool, ShellExec, Origin(Trust.Untrusted)]
            public static string Run(string command) => command;
        }
        """;

    // The same tools as the attributes above declare them, spelled in Traj.
    private const string ToolLines = """
          tool read_customer : sensitive(customer-pii, billing);
          tool Upload : sink(external), egress;
          tool Remember : sink(control), origin(Memory);
          tool Run : shell, origin(Untrusted);
          floor CleanWorkspace for Upload;
          floor TrustedUser for Remember;
        """;

    [Fact]
    public void AttributesBecomeTheToolsEffectsInTheAutoCommitment()
    {
        var run = GeneratorHarness.Run([("Crm.cs", Tools)]).AssertCompilesCleanly();

        var graph = GraphDecoder.Decode(CompiledIntoAssembly(run.Output).Single(g => g.Trajectory == GeneratorHarness.AssemblyName).Encoding);

        Assert.Equal(["Remember", "Run", "Upload", "read_customer"], graph.Tools.Select(t => t.Name));
        var tools = graph.Tools.ToDictionary(t => t.Name);
        Assert.Equal(ToolEffects.Sensitive, tools["read_customer"].Effects);
        Assert.Equal(["billing", "customer-pii"], tools["read_customer"].LabelIndices.Select(i => graph.Labels[i]));
        Assert.Equal((Trust.ToolOutput, (Trust?)null), (tools["read_customer"].Origin, tools["read_customer"].Floor));
        Assert.Equal(ToolEffects.ExternalSink | ToolEffects.Egress, tools["Upload"].Effects);
        Assert.Equal(Trust.CleanWorkspace, tools["Upload"].Floor);
        Assert.Equal(ToolEffects.ControlSink, tools["Remember"].Effects);
        // Of two parameter floors the stricter one holds.
        Assert.Equal((Trust.Memory, (Trust?)Trust.TrustedUser), (tools["Remember"].Origin, tools["Remember"].Floor));
        Assert.Equal((ToolEffects.Shell, Trust.Untrusted), (tools["Run"].Effects, tools["Run"].Origin));
        // The auto-commitment's plan is _*: every tool, in any order.
        Assert.True(graph.IsAccepting(0));
        Assert.Equal(graph.Tools.Count, graph.GetTransitions(0).Count(t => t.Target == 0));
    }

    [Fact]
    public void AnUndefinedTrustValueErrsOnTheSafeSide()
    {
        const string source = """
            using Trajeckt;

            namespace Agent;

            public static class Odd
            {
                [Tool, Origin((Trust)200)]
                public static string Fetch([Origin((Trust)201)] string url) => url;
            }
            """;

        var run = GeneratorHarness.Run([("Odd.cs", source)]).AssertCompilesCleanly();

        var tool = GraphDecoder.Decode(CompiledIntoAssembly(run.Output).Single().Encoding).Tools.Single();
        // Its output is trusted least, and it runs unauthorized only at the highest integrity.
        Assert.Equal((Trust.Untrusted, (Trust?)Trust.TrustedUser), (tool.Origin, tool.Floor));
    }

    [Fact]
    public void ThePolicysGraphIsTheTrajCompilersGraphOfTheSamePolicySpelledInTraj()
    {
        const string plan = "  plan read_customer* (Upload | Remember)? Run?;\n  flow customer-pii -> Upload;\n";
        var run = GeneratorHarness.Run([("Crm.cs", Tools)], [("crm.traj", "trajectory Crm {\n" + plan + "}\n")]).AssertCompilesCleanly();

        var expected = TrajCompiler.Compile("trajectory Crm {\n" + ToolLines + plan + "}\n", "crm.traj");

        Assert.True(expected.Success, string.Join("\n", expected.Diagnostics));
        var compiled = Assert.Single(CompiledIntoAssembly(run.Output));
        Assert.Equal("Crm", compiled.Trajectory);
        Assert.Equal(expected.Trajectories.Single().Encoding, compiled.Encoding);
    }

    [Fact]
    public void TheGeneratedConstantsAgreeWithTheGraph()
    {
        var run = GeneratorHarness.Run([("Crm.cs", Tools)]).AssertCompilesCleanly();
        var source = run.Source("TrajecktGraphs.g.cs");
        var encoding = CompiledIntoAssembly(run.Output).Single().Encoding;
        var graph = GraphDecoder.Decode(encoding);

        Assert.Contains($"public const string Digest = \"{GraphDigest.Compute(encoding)}\";", source, StringComparison.Ordinal);
        var bytes = EncodingBytes().Match(source).Groups[1].Value.Split(", ").Select(b => Convert.ToByte(b, 16));
        Assert.Equal(encoding, bytes);
        var ids = ToolIds().Matches(source).Select(m => (Index: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Name: m.Groups[3].Value)).ToList();
        Assert.Equal(graph.Tools.Select((t, i) => (i, t.Name)), ids);
    }

    private static List<(string Trajectory, byte[] Encoding)> CompiledIntoAssembly(Compilation compilation) =>
        compilation.Assembly.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "Trajeckt.Interception.TrajecktGraphAttribute")
            .Select(a => ((string)a.ConstructorArguments[0].Value!, Convert.FromBase64String((string)a.ConstructorArguments[1].Value!)))
            .ToList();

    [GeneratedRegex(@"Encoding => new byte\[\] \{ ([^}]*) \};")]
    private static partial Regex EncodingBytes();

    [GeneratedRegex(@"ToolId (\w+) = new\((\d+), ""([^""]*)""\);")]
    private static partial Regex ToolIds();
}
