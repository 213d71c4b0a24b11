using System.Text;
using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Semantics;
using static Trajeckt.Traj.Tests.Semantics.CompileHelpers;

namespace Trajeckt.Traj.Tests.Semantics;

/// <summary>
/// The compiler enforces the graph format's limits (GraphLimits, the decoder's) with located errors:
/// one past each limit is refused where it is written; at the limit the policy compiles, and its graph
/// encodes and decodes.
/// </summary>
public sealed class GraphLimitTests
{
    private static string Tools(int count) =>
        "trajectory T {\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"  tool t{i};\n")) + "}\n";

    private static void AssertDecodes(CompiledTrajectory trajectory)
    {
        Assert.True(GraphDecoder.TryDecode(trajectory.Encoding, out var decoded, out var error), error?.ToString());
        Assert.Equal(trajectory.Graph.Tools.Count, decoded.Tools.Count);
        Assert.Equal(trajectory.Graph.Labels.Count, decoded.Labels.Count);
    }

    [Fact]
    public void Tools_at_the_limit_compile_and_decode_and_one_more_is_refused_at_that_tool()
    {
        AssertDecodes(Single(Tools(GraphLimits.MaxTools)));

        var d = SingleDiagnostic(Tools(GraphLimits.MaxTools + 1), SemanticDiagnosticCodes.TooManyTools);
        Assert.True(d.IsError);
        AssertAt(d, GraphLimits.MaxTools + 2, 8);
        Assert.Contains($"at most {GraphLimits.MaxTools} tools", d.Message);
    }

    private static string Labels(int count) =>
        "trajectory T {\n  tool a : sensitive(" + string.Join(", ", Enumerable.Range(0, count).Select(i => $"l{i}")) + ");\n}\n";

    [Fact]
    public void Labels_at_the_limit_compile_and_decode_and_one_more_is_refused_at_that_label()
    {
        // One tool with every label: the duplicate check is a set, so this is linear (it took 21 s).
        AssertDecodes(Single(Labels(GraphLimits.MaxLabels)));

        var text = Labels(GraphLimits.MaxLabels + 1);
        var d = SingleDiagnostic(text, SemanticDiagnosticCodes.TooManyLabels);
        AssertAt(d, 2, text.IndexOf($"l{GraphLimits.MaxLabels})", StringComparison.Ordinal) - text.IndexOf("  tool", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void Labels_spread_over_tools_count_once_each_toward_the_limit()
    {
        var half = GraphLimits.MaxLabels / 2;
        string Tool(string name, int from, int count) =>
            $"  tool {name} : sensitive(" + string.Join(", ", Enumerable.Range(from, count).Select(i => $"l{i}")) + ");\n";
        // The second tool repeats half of the first one's labels: 100,000 distinct in all.
        AssertDecodes(Single("trajectory T {\n" + Tool("a", 0, half) + Tool("b", 0, GraphLimits.MaxLabels) + "}\n"));
        var d = SingleDiagnostic("trajectory T {\n" + Tool("a", 0, half) + Tool("b", half, half + 1) + "}\n", SemanticDiagnosticCodes.TooManyLabels);
        Assert.Equal(3, d.Location.Line);
    }

    [Theory]
    [InlineData("tool")]
    [InlineData("label")]
    [InlineData("trajectory")]
    public void A_name_at_the_limit_compiles_and_decodes_and_one_byte_more_is_refused_at_the_name(string which)
    {
        string Policy(string name) => which switch
        {
            "tool" => $"trajectory T {{\n  tool \"{name}\";\n}}\n",
            "label" => $"trajectory T {{\n  tool a : sensitive(\"{name}\");\n}}\n",
            _ => $"trajectory \"{name}\" {{\n  tool a;\n}}\n",
        };
        // 'é' is two UTF-8 bytes (quoted names may hold it): the limit is in bytes, not characters.
        var atLimit = "ab" + new string('é', (GraphLimits.MaxNameBytes - 1) / 2);
        Assert.Equal(GraphLimits.MaxNameBytes, Encoding.UTF8.GetByteCount(atLimit));
        AssertDecodes(Single(Policy(atLimit)));

        var d = SingleDiagnostic(Policy(atLimit + "b"), SemanticDiagnosticCodes.NameTooLong);
        Assert.Contains($"{GraphLimits.MaxNameBytes + 1} bytes long", d.Message);
        AssertAt(d, which == "trajectory" ? 1 : 2, which switch { "tool" => 8, "label" => 22, _ => 12 });
    }

    [Fact]
    public void A_graph_whose_encoding_is_over_the_cap_is_refused_at_the_trajectory()
    {
        // 64 tools with names of 1 MiB: each is allowed, together they encode to more than 64 MiB.
        var name = new string('n', GraphLimits.MaxNameBytes - 2);
        var text = new StringBuilder("trajectory Big {\n");
        for (var i = 0; i < 64; i++)
            text.Append("  tool ").Append(name).Append(i.ToString("D2")).Append(";\n");
        text.Append("}\n");
        var d = SingleDiagnostic(text.ToString(), SemanticDiagnosticCodes.GraphTooLarge);
        AssertAt(d, 1, 12);
        Assert.Contains($"a graph is at most {GraphLimits.MaxEncodingBytes} bytes", d.Message);
    }

    private static string Wildcards(int tools, int wildcards) =>
        "trajectory T {\n" + string.Concat(Enumerable.Range(0, tools).Select(i => $"  tool t{i};\n"))
        + "  plan " + string.Join(" ", Enumerable.Repeat("_", wildcards)) + ";\n}\n";

    [Fact]
    public void Transitions_at_the_limit_compile_and_decode_and_more_are_refused_with_their_own_code()
    {
        // Each '_' row is one transition per tool: 10 rows of 100,000 are exactly the limit.
        var atLimit = Single(Wildcards(100_000, 10));
        Assert.Equal(GraphLimits.MaxTransitions, atLimit.Graph.TransitionCount);
        AssertDecodes(atLimit);

        var d = SingleDiagnostic(Wildcards(100_000, 11), SemanticDiagnosticCodes.TooManyTransitions);
        AssertAt(d, 100_002, 3);
        Assert.Contains($"more than {GraphLimits.MaxTransitions} transitions", d.Message);
    }

    [Fact]
    public void Plan_terms_at_the_limit_compile_and_one_more_is_refused_before_anything_is_built()
    {
        var limit = TrajCompilerLimits.Default.MaxPlanTerms;
        string Plan(int terms) => "trajectory T {\n  tool a;\n  plan (" + string.Join(" | ", Enumerable.Repeat("_", terms)) + ")*;\n}\n";
        AssertDecodes(Single(Plan(limit)));

        var d = SingleDiagnostic(Plan(limit + 1), SemanticDiagnosticCodes.PlanTooLong);
        AssertAt(d, 3, 3);
        Assert.Contains($"at most {limit} tools and wildcards", d.Message);
    }
}
