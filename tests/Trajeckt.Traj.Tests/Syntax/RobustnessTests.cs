using System.Diagnostics;
using Trajeckt.Traj.Syntax;
using static Trajeckt.Traj.Tests.Syntax.SyntaxTestHelpers;

namespace Trajeckt.Traj.Tests.Syntax;

// Hostile inputs: the parser runs inside the build and the runtime, so it must stay linear and never
// overflow the stack. The time bounds are generous; a quadratic parser misses them by orders of magnitude.
public class RobustnessTests
{
    private static TrajParseResult ParseTimed(string text)
    {
        var watch = Stopwatch.StartNew();
        var result = Parse(text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"parsing took {watch.Elapsed}");
        return result;
    }

    [Fact]
    public void Many_plans_without_semicolons_parse_in_linear_time()
    {
        const int count = 100_000;
        var result = ParseTimed("trajectory T {\n" + string.Concat(Enumerable.Repeat("  plan a b\n", count)) + "}");
        Assert.Equal(count, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(SyntaxDiagnosticCodes.ExpectedToken, d.Code));
    }

    [Fact]
    public void A_long_plan_parses_in_linear_time()
    {
        var result = ParseTimed("trajectory T { plan " + string.Concat(Enumerable.Repeat("a | b c* ", 50_000)) + "d; }");
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Deeply_nested_unclosed_groups_do_not_overflow_the_stack()
    {
        var result = ParseTimed("trajectory T { plan " + new string('(', 1_000_000) + " }");
        Assert.Equal(SyntaxDiagnosticCodes.PlanNestingTooDeep, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_lone_trajectory_keyword_is_one_error_not_a_cascade()
    {
        Assert.Equal(SyntaxDiagnosticCodes.ExpectedName, SingleDiagnostic("trajectory").Code);
    }
}
