using CsCheck;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Tests.Syntax;

public class SyntaxPropertyTests
{
    private static void ParsesWithoutThrowing(string text)
    {
        var result = TrajParser.Parse(text, "random.traj");
        Assert.NotNull(result.Syntax);
        foreach (var diagnostic in result.Diagnostics)
        {
            Assert.Equal(TrajSeverity.Error, diagnostic.Severity);
            Assert.InRange(diagnostic.Location.Start, 0, text.Length);
            Assert.InRange(diagnostic.Location.Line, 1, text.Length + 1);
            Assert.DoesNotContain('\n', diagnostic.Message);
        }
        // A clean parse must round-trip through the formatter.
        if (!result.HasErrors)
        {
            var formatted = TrajFormatter.Format(result.Syntax);
            var reparsed = TrajParser.Parse(formatted, "random.traj");
            Assert.Empty(reparsed.Diagnostics);
            Assert.True(SyntaxEquivalence.AreEquivalent(result.Syntax, reparsed.Syntax));
        }
    }

    [Fact]
    public void Random_text_never_makes_the_parser_throw_or_hang()
    {
        SyntaxGenerators.Text.Sample(ParsesWithoutThrowing, iter: 3000);
    }

    [Fact]
    public void Random_token_soups_never_make_the_parser_throw_or_hang()
    {
        SyntaxGenerators.TokenSoup.Sample(ParsesWithoutThrowing, iter: 3000);
    }

    [Fact]
    public void Formatted_trees_parse_back_to_equivalent_trees_without_diagnostics()
    {
        SyntaxGenerators.Policy.Sample(policy =>
        {
            var formatted = TrajFormatter.Format(policy);
            var result = TrajParser.Parse(formatted, "generated.traj");
            Assert.True(result.Diagnostics.Count == 0, formatted + "\n" + string.Join("\n", result.Diagnostics));
            Assert.True(SyntaxEquivalence.AreEquivalent(result.Syntax, policy), formatted);
        }, iter: 1000);
    }

    [Fact]
    public void Formatting_is_idempotent()
    {
        SyntaxGenerators.Policy.Sample(policy =>
        {
            var once = TrajFormatter.Format(policy);
            var twice = TrajFormatter.Format(TrajParser.Parse(once, "generated.traj").Syntax);
            Assert.Equal(once, twice);
        }, iter: 1000);
    }

    [Fact]
    public void Every_name_round_trips_through_the_formatter()
    {
        SyntaxGenerators.NameValue.Sample(value =>
        {
            var printed = TrajFormatter.FormatName(value);
            var result = TrajParser.Parse("trajectory T { tool " + printed + "; }", "n.traj");
            Assert.Empty(result.Diagnostics);
            var tool = (ToolStatementSyntax)result.Syntax.Trajectories[0].Statements[0];
            Assert.Equal(value, tool.Name.Value);
        }, iter: 2000);
    }
}
