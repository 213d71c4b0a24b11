using Trajeckt.Traj.Syntax;
using static Trajeckt.Traj.Tests.Syntax.SyntaxTestHelpers;

namespace Trajeckt.Traj.Tests.Syntax;

// Hostile inputs: the parser runs inside the build and the runtime, so it must stay linear and never
// overflow the stack. Linearity is asserted as a ratio of the parsing thread's CPU time, not as a wall-clock
// bound: four times the input may cost at most eight times as much (a quadratic parser costs sixteen), and
// time spent waiting for a core on a busy machine is not counted.
public class RobustnessTests
{
    private static TrajParseResult ParseLinear(Func<int, string> policyOfSize, int size)
    {
        var small = policyOfSize(size / 4);
        var large = policyOfSize(size);
        var smallTime = TimeSpan.MaxValue;
        var largeTime = TimeSpan.MaxValue;
        TrajParseResult? result = null;
        for (var run = 0; run < 2; run++)
        {
            smallTime = Min(smallTime, ThreadCpuClock.Measure(() => Parse(small)));
            largeTime = Min(largeTime, ThreadCpuClock.Measure(() => result = Parse(large)));
        }
        // The floor keeps timer resolution and a stray pause from deciding the ratio of small figures.
        var bound = smallTime * 8 + TimeSpan.FromMilliseconds(100);
        Assert.True(largeTime < bound, $"parsing {size:N0} took {largeTime}, {size / 4:N0} took {smallTime}");
        return result!;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [Fact]
    public void Many_plans_without_semicolons_parse_in_linear_time()
    {
        const int count = 100_000;
        var result = ParseLinear(n => "trajectory T {\n" + string.Concat(Enumerable.Repeat("  plan a b\n", n)) + "}", count);
        Assert.Equal(count, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(SyntaxDiagnosticCodes.ExpectedToken, d.Code));
    }

    [Fact]
    public void A_long_plan_parses_in_linear_time()
    {
        var result = ParseLinear(n => "trajectory T { plan " + string.Concat(Enumerable.Repeat("a | b c* ", n)) + "d; }", 50_000);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Deeply_nested_unclosed_groups_do_not_overflow_the_stack()
    {
        var result = Parse("trajectory T { plan " + new string('(', 1_000_000) + " }");
        Assert.Equal(SyntaxDiagnosticCodes.PlanNestingTooDeep, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_lone_trajectory_keyword_is_one_error_not_a_cascade()
    {
        Assert.Equal(SyntaxDiagnosticCodes.ExpectedName, SingleDiagnostic("trajectory").Code);
    }
}
