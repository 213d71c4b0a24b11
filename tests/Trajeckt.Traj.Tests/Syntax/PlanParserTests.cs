using Trajeckt.Traj.Syntax;
using static Trajeckt.Traj.Tests.Syntax.SyntaxTestHelpers;

namespace Trajeckt.Traj.Tests.Syntax;

public class PlanParserTests
{
    // A compact rendering of a plan tree: Seq[..], Alt[..], Grp(..), Rep*(..), '_' and names.
    private static string Shape(PlanExpressionSyntax plan) => plan switch
    {
        PlanToolSyntax t => t.Name.Value,
        PlanWildcardSyntax => "_",
        PlanSequenceSyntax s => "Seq[" + string.Join(",", s.Items.Select(Shape)) + "]",
        PlanAlternationSyntax a => "Alt[" + string.Join(",", a.Alternatives.Select(Shape)) + "]",
        PlanGroupSyntax g => "Grp(" + Shape(g.Inner) + ")",
        PlanRepeatSyntax r => "Rep" + r.Kind switch { PlanRepeatKind.ZeroOrMore => "*", PlanRepeatKind.OneOrMore => "+", _ => "?" } + "(" + Shape(r.Operand) + ")",
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [InlineData("a", "a")]
    [InlineData("_", "_")]
    [InlineData("\"_\"", "_")]
    [InlineData("a b c", "Seq[a,b,c]")]
    [InlineData("a | b | c", "Alt[a,b,c]")]
    [InlineData("a b | c", "Alt[Seq[a,b],c]")]
    [InlineData("a (b | c)", "Seq[a,Grp(Alt[b,c])]")]
    [InlineData("(a)", "Grp(a)")]
    [InlineData("((a))", "Grp(Grp(a))")]
    [InlineData("a*", "Rep*(a)")]
    [InlineData("a+", "Rep+(a)")]
    [InlineData("a?", "Rep?(a)")]
    [InlineData("a*?", "Rep?(Rep*(a))")]
    [InlineData("a b*", "Seq[a,Rep*(b)]")]
    [InlineData("(a b)+ c", "Seq[Rep+(Grp(Seq[a,b])),c]")]
    [InlineData("_*", "Rep*(_)")]
    [InlineData("read_ticket (read_customer | fetch_url)* send_email?", "Seq[read_ticket,Rep*(Grp(Alt[read_customer,fetch_url])),Rep?(send_email)]")]
    public void Plans_parse_with_precedence_alternation_sequence_postfix(string plan, string shape)
    {
        Assert.Equal(shape, Shape(ParsePlan(plan)));
    }

    [Fact]
    public void Quoted_underscore_in_a_plan_is_a_tool_and_unquoted_is_the_wildcard()
    {
        var sequence = Assert.IsType<PlanSequenceSyntax>(ParsePlan("_ \"_\""));
        Assert.IsType<PlanWildcardSyntax>(sequence.Items[0]);
        Assert.Equal("_", Assert.IsType<PlanToolSyntax>(sequence.Items[1]).Name.Value);
    }

    [Fact]
    public void Plan_spans_are_precise()
    {
        const string body = "plan a (b | c)* d?;";
        var text = "trajectory T {\n" + body + "\n}";
        var sequence = Assert.IsType<PlanSequenceSyntax>(ParsePlan("a (b | c)* d?"));
        string At(PlanExpressionSyntax e) => text.Substring(e.Span.Start, e.Span.Length);
        Assert.Equal("a (b | c)* d?", At(sequence));
        Assert.Equal("(b | c)*", At(sequence.Items[1]));
        Assert.Equal("(b | c)", At(((PlanRepeatSyntax)sequence.Items[1]).Operand));
        Assert.Equal("b | c", At(((PlanGroupSyntax)((PlanRepeatSyntax)sequence.Items[1]).Operand).Inner));
        Assert.Equal("d?", At(sequence.Items[2]));
    }

    [Fact]
    public void Plans_may_span_lines_and_use_keywords_as_tool_names()
    {
        var plan = ParsePlan("a\n  flow\n  b");
        Assert.Equal("Seq[a,flow,b]", Shape(plan));
    }

    [Fact]
    public void Nesting_at_the_bound_parses()
    {
        var depth = PolicyParser.MaxPlanDepth;
        var plan = ParsePlan(new string('(', depth) + "a" + new string(')', depth));
        for (var i = 0; i < depth; i++)
            plan = Assert.IsType<PlanGroupSyntax>(plan).Inner;
        Assert.IsType<PlanToolSyntax>(plan);
    }

    [Fact]
    public void Stacked_repetitions_at_the_bound_parse()
    {
        var plan = ParsePlan("a" + new string('*', PolicyParser.MaxPlanDepth));
        Assert.IsType<PlanRepeatSyntax>(plan);
    }

    [Theory]
    [InlineData(200, 0)]
    [InlineData(100_000, 0)]
    [InlineData(0, 101)]
    [InlineData(0, 100_000)]
    [InlineData(60, 60)]
    public void Nesting_past_the_bound_is_one_diagnostic_not_a_stack_overflow(int groups, int stars)
    {
        var plan = new string('(', groups) + "a" + new string('*', stars) + new string(')', groups);
        var diagnostic = SingleDiagnostic("trajectory T { plan " + plan + "; tool x; }");
        Assert.Equal(SyntaxDiagnosticCodes.PlanNestingTooDeep, diagnostic.Code);
    }

    [Fact]
    public void A_statement_after_a_too_deep_plan_still_parses()
    {
        var result = Parse("trajectory T {\n  plan " + new string('(', 500) + "a;\n  tool x;\n}");
        Assert.Equal(SyntaxDiagnosticCodes.PlanNestingTooDeep, Assert.Single(result.Diagnostics).Code);
        Assert.IsType<ToolStatementSyntax>(Assert.Single(Assert.Single(result.Syntax.Trajectories).Statements));
    }
}
