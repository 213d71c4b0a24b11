using Trajeckt.Traj.Syntax;
using static Trajeckt.Traj.Tests.Syntax.SyntaxTestHelpers;

namespace Trajeckt.Traj.Tests.Syntax;

public class LocationTests
{
    [Theory]
    [InlineData("ab\ncd", 4, 2, 2)]
    [InlineData("ab\r\ncd", 5, 2, 2)]
    [InlineData("ab\rcd", 4, 2, 2)]
    [InlineData("a\n\r\n\rb", 5, 4, 1)]
    [InlineData("ab\r\ncd", 3, 1, 4)]
    [InlineData("abc", 0, 1, 1)]
    [InlineData("abc", 3, 1, 4)]
    public void Offsets_map_to_one_based_lines_and_columns(string text, int offset, int line, int column)
    {
        var location = Parse(text).GetLocation(new TextSpan(offset, 1));
        Assert.Equal((line, column), (location.Line, location.Column));
        Assert.Equal(offset, location.Start);
        Assert.Equal(FilePath, location.FilePath);
    }

    [Fact]
    public void Columns_count_utf16_code_units()
    {
        const string text = "trajectory \"\U0001F600\" { tool \"é\"; }";
        var result = Parse(text);
        Assert.False(result.HasErrors);
        var at = text.IndexOf('é');
        var location = result.GetLocation(new TextSpan(at, 1));
        Assert.Equal(at + 1, location.Column);
    }

    [Fact]
    public void Spans_outside_the_text_are_clamped()
    {
        var result = Parse("abc");
        var location = result.GetLocation(new TextSpan(100, 5));
        Assert.Equal((1, 4, 3, 0), (location.Line, location.Column, location.Start, location.Length));
    }

    [Fact]
    public void Node_spans_map_to_the_lines_they_stand_on()
    {
        const string text = "trajectory T {\r\n  tool a;\r\n  plan a*;\r\n}";
        var result = Parse(text);
        var statements = Assert.Single(result.Syntax.Trajectories).Statements;
        Assert.Equal((2, 3), (result.GetLocation(statements[0].Span).Line, result.GetLocation(statements[0].Span).Column));
        Assert.Equal((3, 3), (result.GetLocation(statements[1].Span).Line, result.GetLocation(statements[1].Span).Column));
    }

    [Fact]
    public void Result_keeps_text_and_path()
    {
        var result = TrajParser.Parse("trajectory T { }", "dir/p.traj");
        Assert.Equal("trajectory T { }", result.Text);
        Assert.Equal("dir/p.traj", result.FilePath);
        Assert.Equal("dir/p.traj", result.Syntax.FilePath);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => TrajParser.Parse(null!, "p"));
        Assert.Throws<ArgumentNullException>(() => TrajParser.Parse("", null!));
    }
}
