using Trajeckt.Traj.Syntax;
using static Trajeckt.Traj.Tests.Syntax.SyntaxTestHelpers;

namespace Trajeckt.Traj.Tests.Syntax;

public class EquivalenceTests
{
    private static bool Equivalent(string a, string b) =>
        SyntaxEquivalence.AreEquivalent(ParseClean(a), ParseClean(b));

    [Fact]
    public void Spans_quoting_comments_and_file_path_do_not_matter()
    {
        var a = TrajParser.Parse("trajectory T { tool a : sensitive(x); plan a*; }", "one.traj").Syntax;
        var b = TrajParser.Parse("// c\ntrajectory \"T\" {\n  tool \"a\" : sensitive( \"x\" );\n  plan \"a\" * ;\n}", "two.traj").Syntax;
        Assert.True(SyntaxEquivalence.AreEquivalent(a, b));
    }

    [Theory]
    [InlineData("trajectory T { tool a; }", "trajectory U { tool a; }")]
    [InlineData("trajectory T { tool a; }", "trajectory T { tool A; }")]
    [InlineData("trajectory T { tool a; tool b; }", "trajectory T { tool b; tool a; }")]
    [InlineData("trajectory T { tool a : shell; }", "trajectory T { tool a : egress; }")]
    [InlineData("trajectory T { tool a : sink(control); }", "trajectory T { tool a : sink(external); }")]
    [InlineData("trajectory T { tool a : origin(Memory); }", "trajectory T { tool a : origin(External); }")]
    [InlineData("trajectory T { tool a : sensitive(x, y); }", "trajectory T { tool a : sensitive(x); }")]
    [InlineData("trajectory T { plan a; }", "trajectory T { plan (a); }")]
    [InlineData("trajectory T { plan a*; }", "trajectory T { plan a+; }")]
    [InlineData("trajectory T { plan _; }", "trajectory T { plan \"_\"; }")]
    [InlineData("trajectory T { plan a b; }", "trajectory T { plan a | b; }")]
    [InlineData("trajectory T { floor External; }", "trajectory T { floor External for a; }")]
    [InlineData("trajectory T { authorize a by Memory; }", "trajectory T { authorize a by External; }")]
    [InlineData("trajectory T { budget calls 1; }", "trajectory T { budget calls 2; }")]
    [InlineData("trajectory T { flow x -> a; }", "trajectory T { flow y -> a; }")]
    [InlineData("trajectory T { }", "trajectory T { } trajectory U { }")]
    public void Any_structural_difference_counts(string a, string b)
    {
        Assert.False(Equivalent(a, b));
        Assert.False(Equivalent(b, a));
        Assert.True(Equivalent(a, a));
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var policy = ParseClean("trajectory T { }");
        Assert.Throws<ArgumentNullException>(() => SyntaxEquivalence.AreEquivalent(null!, policy));
        Assert.Throws<ArgumentNullException>(() => SyntaxEquivalence.AreEquivalent(policy, null!));
    }
}
