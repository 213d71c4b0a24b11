using Trajeckt.Traj.Syntax;
using static Trajeckt.Traj.Tests.Syntax.SyntaxTestHelpers;

namespace Trajeckt.Traj.Tests.Syntax;

public class StatementParserTests
{
    [Fact]
    public void Design_example_parses_cleanly_with_every_statement()
    {
        const string text = """
            // line and /* block */ comments
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
            """;
        var trajectory = Assert.Single(ParseClean(text).Trajectories);
        Assert.Equal("Support", trajectory.Name.Value);
        Assert.Equal(
            new[] { "Tool", "Tool", "Tool", "Tool", "Tool", "Tool", "Plan", "Plan", "Flow", "Floor", "Authorize", "Budget" },
            trajectory.Statements.Select(s => s.GetType().Name.Replace("StatementSyntax", "")));
    }

    [Fact]
    public void Several_trajectories_keep_their_order_and_spans()
    {
        const string text = "trajectory A { }\ntrajectory \"B c\" {\n}";
        var policy = ParseClean(text);
        Assert.Equal("policy.traj", policy.FilePath);
        Assert.Equal(new[] { "A", "B c" }, policy.Trajectories.Select(t => t.Name.Value));
        Assert.Equal("trajectory A { }", text.Substring(policy.Trajectories[0].Span.Start, policy.Trajectories[0].Span.Length));
        Assert.True(policy.Trajectories[1].Name.IsQuoted);
    }

    [Fact]
    public void Tool_without_effects()
    {
        var tool = ParseStatement<ToolStatementSyntax>("tool read;");
        Assert.Equal("read", tool.Name.Value);
        Assert.Empty(tool.Effects);
    }

    [Fact]
    public void Tool_with_every_effect_in_source_order()
    {
        var tool = ParseStatement<ToolStatementSyntax>("tool t : sensitive(a, \"b c\"), origin(Memory), sink(external), sink(control), shell, egress;");
        Assert.Equal(new[] { "a", "b c" }, Assert.IsType<SensitiveEffectSyntax>(tool.Effects[0]).Labels.Select(l => l.Value));
        Assert.Equal(Trust.Memory, Assert.IsType<OriginEffectSyntax>(tool.Effects[1]).Level.Value);
        Assert.Equal(SinkEffectKind.External, Assert.IsType<SinkEffectSyntax>(tool.Effects[2]).Kind);
        Assert.Equal(SinkEffectKind.Control, Assert.IsType<SinkEffectSyntax>(tool.Effects[3]).Kind);
        Assert.IsType<ShellEffectSyntax>(tool.Effects[4]);
        Assert.IsType<EgressEffectSyntax>(tool.Effects[5]);
    }

    [Fact]
    public void Effect_spans_cover_the_effect()
    {
        const string body = "tool t : sensitive( a ,b ), origin(External);";
        var tool = ParseStatement<ToolStatementSyntax>(body);
        var text = "trajectory T {\n" + body + "\n}";
        Assert.Equal("sensitive( a ,b )", text.Substring(tool.Effects[0].Span.Start, tool.Effects[0].Span.Length));
        Assert.Equal("origin(External)", text.Substring(tool.Effects[1].Span.Start, tool.Effects[1].Span.Length));
        Assert.Equal(body, text.Substring(tool.Span.Start, tool.Span.Length));
    }

    [Theory]
    [InlineData(Trust.Untrusted)]
    [InlineData(Trust.Memory)]
    [InlineData(Trust.External)]
    [InlineData(Trust.ToolOutput)]
    [InlineData(Trust.CleanWorkspace)]
    [InlineData(Trust.TrustedUser)]
    public void Every_trust_name_parses(Trust trust)
    {
        var floor = ParseStatement<FloorStatementSyntax>($"floor {trust};");
        Assert.Equal(trust, floor.Level.Value);
    }

    [Fact]
    public void Flow_with_several_tools()
    {
        var flow = ParseStatement<FlowStatementSyntax>("flow customer-pii -> send_email, reply;");
        Assert.Equal("customer-pii", flow.Label.Value);
        Assert.Equal(new[] { "send_email", "reply" }, flow.Tools.Select(t => t.Value));
    }

    [Fact]
    public void Flow_arrow_needs_no_spaces()
    {
        var flow = ParseStatement<FlowStatementSyntax>("flow pii->mail;");
        Assert.Equal("pii", flow.Label.Value);
        Assert.Equal("mail", Assert.Single(flow.Tools).Value);
    }

    [Fact]
    public void Default_floor_has_no_tools()
    {
        var floor = ParseStatement<FloorStatementSyntax>("floor External;");
        Assert.Equal(Trust.External, floor.Level.Value);
        Assert.Null(floor.Tools);
    }

    [Fact]
    public void Floor_for_tools()
    {
        var floor = ParseStatement<FloorStatementSyntax>("floor CleanWorkspace for a, b;");
        Assert.Equal(new[] { "a", "b" }, floor.Tools!.Select(t => t.Value));
    }

    [Fact]
    public void Authorize_several_tools()
    {
        var authorize = ParseStatement<AuthorizeStatementSyntax>("authorize a, b by CleanWorkspace;");
        Assert.Equal(new[] { "a", "b" }, authorize.Tools.Select(t => t.Value));
        Assert.Equal(Trust.CleanWorkspace, authorize.Level.Value);
    }

    [Fact]
    public void Budget_calls()
    {
        Assert.Equal(20, ParseStatement<BudgetStatementSyntax>("budget calls 20;").Calls);
        Assert.Equal(int.MaxValue, ParseStatement<BudgetStatementSyntax>("budget calls 2147483647;").Calls);
    }

    [Fact]
    public void Keywords_are_contextual()
    {
        var policy = ParseClean("""
            trajectory trajectory {
              tool tool;
              tool plan : sensitive(flow);
              tool by;
              tool for;
              plan tool plan flow floor;
              flow flow -> tool;
              floor TrustedUser for for;
              authorize by by TrustedUser;
            }
            """);
        var trajectory = Assert.Single(policy.Trajectories);
        Assert.Equal("trajectory", trajectory.Name.Value);
        Assert.Equal("tool", ((ToolStatementSyntax)trajectory.Statements[0]).Name.Value);
        var plan = Assert.IsType<PlanSequenceSyntax>(((PlanStatementSyntax)trajectory.Statements[4]).Expression);
        Assert.Equal(new[] { "tool", "plan", "flow", "floor" }, plan.Items.Select(i => ((PlanToolSyntax)i).Name.Value));
        Assert.Equal("for", Assert.Single(((FloorStatementSyntax)trajectory.Statements[6]).Tools!).Value);
        Assert.Equal("by", Assert.Single(((AuthorizeStatementSyntax)trajectory.Statements[7]).Tools).Value);
    }

    [Fact]
    public void Quoted_keywords_and_trust_names_mean_the_same_as_unquoted()
    {
        var policy = ParseClean("\"trajectory\" T { \"tool\" t : \"origin\"(\"Memory\"); }");
        var tool = Assert.IsType<ToolStatementSyntax>(Assert.Single(Assert.Single(policy.Trajectories).Statements));
        Assert.Equal(Trust.Memory, Assert.IsType<OriginEffectSyntax>(Assert.Single(tool.Effects)).Level.Value);
    }

    [Fact]
    public void Quoted_name_that_spells_an_identifier_is_that_identifier()
    {
        var tool = ParseStatement<ToolStatementSyntax>("tool \"read\";");
        Assert.Equal("read", tool.Name.Value);
        Assert.True(tool.Name.IsQuoted);
    }

    [Fact]
    public void Quoted_underscore_is_a_name_but_unquoted_underscore_is_not()
    {
        Assert.Equal("_", ParseStatement<FlowStatementSyntax>("flow \"_\" -> a;").Label.Value);
        var diagnostic = SingleDiagnostic("trajectory T { flow _ -> a; }");
        Assert.Equal(SyntaxDiagnosticCodes.ExpectedName, diagnostic.Code);
        Assert.Contains("wildcard", diagnostic.Message);
    }

    [Fact]
    public void Statement_span_runs_from_keyword_to_semicolon()
    {
        const string text = "trajectory T {\n  budget   calls 3 ;\n}";
        var statement = Assert.Single(Assert.Single(ParseClean(text).Trajectories).Statements);
        Assert.Equal("budget   calls 3 ;", text.Substring(statement.Span.Start, statement.Span.Length));
    }
}
