using System.Diagnostics;
using Trajeckt.Traj.Syntax;
using static Trajeckt.Traj.Tests.Syntax.SyntaxTestHelpers;

namespace Trajeckt.Traj.Tests.Syntax;

// Hostile inputs: the parser runs inside the build and the runtime, so it must stay linear and never
// overflow the stack. Linearity is asserted as a ratio, not a wall-clock bound, so a busy machine cannot
// fail it: four times the input may take at most eight times as long (a quadratic parser takes sixteen).
public class RobustnessTests
{
    private static TrajParseResult ParseLinear(Func<int, string> policyOfSize, int size)
    {
        var small = policyOfSize(size / 4);
        var large = policyOfSize(size);
        var smallTime = FastestOfThree(() => Parse(small));
        var largeTime = FastestOfThree(() => Parse(large));
        // The floor keeps timer resolution and a stray pause from deciding the ratio of tiny figures.
        var bound = smallTime * 8 + TimeSpan.FromMilliseconds(50);
        Assert.True(largeTime < bound, $"parsing {size:N0} took {largeTime}, {size / 4:N0} took {smallTime}");
        return Parse(large);
    }

    // The fastest of three runs is the one least disturbed by other work on the machine.
    private static TimeSpan FastestOfThree(Action parse)
    {
        var fastest = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            parse();
            fastest = watch.Elapsed < fastest ? watch.Elapsed : fastest;
        }
        return fastest;
    }

    [Fact]
    public void Many_plans_without_semicolons_parse_in_linear_time()
    {
        const int count = 40_000;
        var result = ParseLinear(n => "trajectory T {\n" + string.Concat(Enumerable.Repeat("  plan a b\n", n)) + "}", count);
        Assert.Equal(count, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(SyntaxDiagnosticCodes.ExpectedToken, d.Code));
    }

    [Fact]
    public void A_long_plan_parses_in_linear_time()
    {
        var result = ParseLinear(n => "trajectory T { plan " + string.Concat(Enumerable.Repeat("a | b c* ", n)) + "d; }", 20_000);
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
