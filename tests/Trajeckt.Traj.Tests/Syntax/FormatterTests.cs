using Trajeckt.Traj.Syntax;
using static Trajeckt.Traj.Tests.Syntax.SyntaxTestHelpers;

namespace Trajeckt.Traj.Tests.Syntax;

public class FormatterTests
{
    private static string FormatText(string text) => TrajFormatter.Format(ParseClean(text));

    [Fact]
    public void Design_example_formats_canonically()
    {
        const string text = """
            // comments are dropped
            trajectory Support {
              tool read_ticket;
              tool read_customer : sensitive(customer-pii);
              tool fetch_url     : origin(Untrusted), egress;
              tool save_memory   : sink(control);
              tool send_email    : sink(external);
              tool run_shell     : shell;

              plan read_ticket (read_customer | fetch_url)* send_email?;
              plan read_ticket save_memory;
              flow customer-pii -> send_email;
              floor CleanWorkspace for send_email;
              authorize save_memory by TrustedUser;
              budget calls 20;
            }
            trajectory Other{tool x;floor External;}
            """;
        const string expected = "trajectory Support {\n"
            + "  tool read_ticket;\n"
            + "  tool read_customer : sensitive(customer-pii);\n"
            + "  tool fetch_url : origin(Untrusted), egress;\n"
            + "  tool save_memory : sink(control);\n"
            + "  tool send_email : sink(external);\n"
            + "  tool run_shell : shell;\n"
            + "  plan read_ticket (read_customer | fetch_url)* send_email?;\n"
            + "  plan read_ticket save_memory;\n"
            + "  flow customer-pii -> send_email;\n"
            + "  floor CleanWorkspace for send_email;\n"
            + "  authorize save_memory by TrustedUser;\n"
            + "  budget calls 20;\n"
            + "}\n"
            + "\n"
            + "trajectory Other {\n"
            + "  tool x;\n"
            + "  floor External;\n"
            + "}\n";
        Assert.Equal(expected, FormatText(text));
    }

    [Fact]
    public void Lists_use_comma_space()
    {
        Assert.Equal(
            "trajectory T {\n  tool a : sensitive(x, y), sink(external);\n  flow x -> a, b;\n  floor Memory for a, b;\n  authorize a, b by External;\n}\n",
            FormatText("trajectory T{tool a:sensitive(x,y),sink(external);flow x->a,b;floor Memory for a,b;authorize a,b by External;}"));
    }

    [Theory]
    [InlineData("a  (  b|c  )  *  d ?", "a (b | c)* d?")]
    [InlineData("((a))", "((a))")]
    [InlineData("a*?+", "a*?+")]
    [InlineData("_ *", "_*")]
    [InlineData("\"_\" _", "\"_\" _")]
    [InlineData("a|b c|(d)", "a | b c | (d)")]
    public void Plans_print_with_minimal_spaces_and_groups_as_written(string plan, string expected)
    {
        var formatted = FormatText("trajectory T { plan " + plan + "; }");
        Assert.Equal("trajectory T {\n  plan " + expected + ";\n}\n", formatted);
    }

    [Theory]
    [InlineData("read", "read")]
    [InlineData("\"read\"", "read")]
    [InlineData("\"tool\"", "tool")]
    [InlineData("\"_\"", "\"_\"")]
    [InlineData("\"a b\"", "\"a b\"")]
    [InlineData("\"a->b\"", "\"a->b\"")]
    [InlineData("\"a//b\"", "\"a//b\"")]
    [InlineData("\"a/*b\"", "\"a/*b\"")]
    [InlineData("\"9lives\"", "\"9lives\"")]
    [InlineData("\"say \\\"hi\\\"\"", "\"say \\\"hi\\\"\"")]
    [InlineData("\"back\\\\slash\"", "\"back\\\\slash\"")]
    [InlineData("\"é\"", "\"é\"")]
    public void Names_are_quoted_only_when_they_must_be(string source, string printed)
    {
        Assert.Equal("trajectory T {\n  tool " + printed + ";\n}\n", FormatText("trajectory T { tool " + source + "; }"));
    }

    [Fact]
    public void A_name_ending_in_slash_is_kept_apart_from_a_star()
    {
        var formatted = FormatText("trajectory T { plan a/ *; }");
        Assert.Contains("plan a/ *;", formatted);
        Assert.True(SyntaxEquivalence.AreEquivalent(ParseClean(formatted), ParseClean("trajectory T { plan a/ *; }")));
    }

    [Fact]
    public void Empty_trajectory_and_empty_policy()
    {
        Assert.Equal("trajectory T {\n}\n", FormatText("trajectory T {}"));
        Assert.Equal(string.Empty, TrajFormatter.Format(new PolicySyntax("p", Array.Empty<TrajectorySyntax>())));
    }

    [Fact]
    public void Trees_the_parser_cannot_produce_get_the_parentheses_their_meaning_needs()
    {
        var span = new TextSpan(0, 0);
        PlanExpressionSyntax Tool(string n) => new PlanToolSyntax(new NameSyntax(n, false, span));
        var alternation = new PlanAlternationSyntax(new[] { Tool("a"), Tool("b") }, span);
        var plan = new PlanRepeatSyntax(new PlanSequenceSyntax(new[] { alternation, Tool("c") }, span), PlanRepeatKind.ZeroOrMore, span);
        var policy = Policy(new PlanStatementSyntax(plan, span));
        Assert.Contains("plan ((a | b) c)*;", TrajFormatter.Format(policy));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    public void Names_Traj_cannot_spell_are_rejected(string name)
    {
        var policy = Policy(new ToolStatementSyntax(new NameSyntax(name, true, default), Array.Empty<EffectSyntax>(), default));
        Assert.Throws<ArgumentException>(() => TrajFormatter.Format(policy));
    }

    [Fact]
    public void Empty_plan_lists_are_rejected()
    {
        var policy = Policy(new PlanStatementSyntax(new PlanSequenceSyntax(Array.Empty<PlanExpressionSyntax>(), default), default));
        Assert.Throws<ArgumentException>(() => TrajFormatter.Format(policy));
        Assert.Throws<ArgumentNullException>(() => TrajFormatter.Format(null!));
    }

    [Fact]
    public void Values_Traj_cannot_spell_are_rejected_not_printed()
    {
        var badTrust = new TrustSyntax((Trust)42, default);
        Assert.Throws<ArgumentException>(() => TrajFormatter.Format(Policy(new FloorStatementSyntax(badTrust, null, default))));
        Assert.Throws<ArgumentException>(() => TrajFormatter.Format(Policy(new BudgetStatementSyntax(-1, default))));
        var badSink = new ToolStatementSyntax(new NameSyntax("t", false, default), new[] { new SinkEffectSyntax((SinkEffectKind)7, default) }, default);
        Assert.Throws<ArgumentException>(() => TrajFormatter.Format(Policy(badSink)));
        var badRepeat = new PlanRepeatSyntax(new PlanWildcardSyntax(default), (PlanRepeatKind)9, default);
        Assert.Throws<ArgumentException>(() => TrajFormatter.Format(Policy(new PlanStatementSyntax(badRepeat, default))));
    }

    private static PolicySyntax Policy(StatementSyntax statement) =>
        new("p", new[] { new TrajectorySyntax(new NameSyntax("T", false, default), new[] { statement }, default) });
}
