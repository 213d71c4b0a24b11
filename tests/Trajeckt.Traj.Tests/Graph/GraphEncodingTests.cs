using CsCheck;
using Trajeckt.Traj.Automata;
using Trajeckt.Traj.Graph;
using static Trajeckt.Traj.Automata.PlanRegex;

namespace Trajeckt.Traj.Tests.GraphFormat;

public class GraphEncodingTests
{
    /// <summary>The policy of the encoding example in docs/semantics.md (graph format version 1).</summary>
    internal const string DocsExample = """
        trajectory S {
          tool a : sensitive(p);
          tool b : sink(external);
          plan a b?;
          flow p -> b;
          floor CleanWorkspace for b;
          authorize b by ToolOutput;
          budget calls 300;
        }
        """;

    [Fact]
    public void Random_graphs_round_trip_byte_for_byte()
    {
        GraphGen.Graph.Sample(graph =>
        {
            var bytes = GraphEncoder.Encode(graph);
            var decoded = GraphDecoder.Decode(bytes);
            GraphAssert.Equal(graph, decoded);
            Assert.Equal(bytes, GraphEncoder.Encode(decoded));
        }, iter: 300);
    }

    [Fact]
    public void The_documented_example_encodes_to_the_documented_bytes()
    {
        var graph = new TestGraphBuilder("S")
            .Tool("a", labels: new[] { "p" })
            .Tool("b", ToolEffects.ExternalSink, floor: Trust.CleanWorkspace, authorizer: Trust.ToolOutput)
            .Flow("p", "b")
            .Budget(300)
            .Plan(Sequence(Symbol(0), Optional(Symbol(1))))
            .Build();
        var expected = new byte[]
        {
            (byte)'T', (byte)'R', (byte)'J', (byte)'G', 1, // magic, version
            1, (byte)'S', // name
            1, 1, (byte)'p', // labels
            2, // tools
            1, (byte)'a', 0x01, 3, 0, 5, 1, 0, // a: sensitive, ToolOutput, no floor, TrustedUser, labels [0]
            1, (byte)'b', 0x02, 3, 5, 3, 0, // b: external sink, ToolOutput, floor CleanWorkspace+1, ToolOutput, no labels
            1, 1, // flows of p: [1]
            1, 0xAC, 0x02, // budget 300
            3, // states
            0, 1, 0, 1, // state 0: rejecting, a -> 1
            1, 1, 1, 2, // state 1: accepting, b -> 2 (first tool as is: 1)
            1, 0, // state 2: accepting, no transitions
        };
        Assert.Equal(expected, GraphEncoder.Encode(graph));

        var compiled = TrajCompiler.Compile(DocsExample, "docs-example.traj");
        Assert.True(compiled.Success, string.Join(Environment.NewLine, compiled.Diagnostics));
        Assert.Equal(expected, compiled.Trajectories[0].Encoding);
    }

    [Fact]
    public void Equivalent_plans_give_identical_encodings_and_digests()
    {
        GraphDigest DigestOf(params PlanRegex[] plans) => GraphDigest.Compute(GraphEncoder.Encode(
            new TestGraphBuilder("T").Tool("a").Tool("b").Tool("c", ToolEffects.ExternalSink).Plan(plans).Build()));
        PlanRegex a = Symbol(0), b = Symbol(1), c = Symbol(2);

        Assert.Equal(DigestOf(Star(Alternation(a, b))), DigestOf(Star(Sequence(Star(a), Star(b)))));
        Assert.Equal(DigestOf(Plus(a)), DigestOf(Sequence(a, Star(a))));
        Assert.Equal(DigestOf(Alternation(Alternation(a, b), c)), DigestOf(Alternation(c, Alternation(b, a))));
        Assert.Equal(DigestOf(Sequence(a, b), Sequence(a, c)), DigestOf(Sequence(a, Alternation(c, b))));
        Assert.Equal(DigestOf(), DigestOf(Star(Any)));
        Assert.NotEqual(DigestOf(Star(a)), DigestOf(Plus(a)));
    }

    [Fact]
    public void Tool_declaration_order_does_not_change_the_encoding()
    {
        var one = new TestGraphBuilder("T").Tool("b", ToolEffects.Egress).Tool("a", labels: new[] { "y", "x" }).Flow("x", "b").Build();
        var other = new TestGraphBuilder("T").Tool("a", labels: new[] { "x", "y" }).Tool("b", ToolEffects.Egress).Flow("x", "b").Build();
        Assert.Equal(GraphEncoder.Encode(one), GraphEncoder.Encode(other));
    }

    [Fact]
    public void A_name_that_utf8_cannot_represent_is_an_argument_error()
    {
        var graph = new TestGraphBuilder("T").Tool("bad\uD800").Build();
        Assert.Throws<ArgumentException>(() => GraphEncoder.Encode(graph));
    }

    [Fact]
    public void A_large_graph_round_trips()
    {
        var builder = new TestGraphBuilder("Large");
        for (var i = 0; i < 1000; i++)
            builder.Tool($"tool{i:D4}", i % 10 == 0 ? ToolEffects.ExternalSink : ToolEffects.None, i % 7 == 0 ? new[] { $"label{i % 30}" } : null);
        var graph = builder.Plan(PlanAutomata.LargePolicy.Plans(1000, 50, seed: 3)).Build();
        var bytes = GraphEncoder.Encode(graph);
        Assert.Equal(bytes, GraphEncoder.Encode(GraphDecoder.Decode(bytes)));
    }
}
