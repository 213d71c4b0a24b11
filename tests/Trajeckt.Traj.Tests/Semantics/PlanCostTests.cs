using Trajeckt.Traj.Semantics;
using static Trajeckt.Traj.Tests.Semantics.CompileHelpers;

namespace Trajeckt.Traj.Tests.Semantics;

/// <summary>
/// Plans whose automaton is cheap in states but quadratic to build (<c>a? a? ... a?</c>) are stopped by
/// the construction-work bound, and the refusal names that bound, not the state bound.
/// </summary>
public sealed class PlanCostTests
{
    private static string Optionals(int count) =>
        "trajectory T {\n  tool a;\n  plan " + string.Join(" ", Enumerable.Repeat("a?", count)) + ";\n}\n";

    [Fact]
    public void A_long_run_of_optionals_under_the_work_bound_compiles()
    {
        var trajectory = Single(Optionals(1_000));
        Assert.Equal(1_001, trajectory.Graph.StateCount);
    }

    [Theory]
    [InlineData(4_000)]
    [InlineData(25_000)]
    public void A_long_run_of_optionals_is_refused_for_its_construction_work(int count)
    {
        var d = SingleDiagnostic(Optionals(count), SemanticDiagnosticCodes.PlanTooCostly);
        Assert.True(d.IsError);
        AssertAt(d, 3, 3);
        Assert.Contains($"more than {TrajCompilerLimits.Default.MaxConstructionWork} steps", d.Message);
        Assert.DoesNotContain("states", d.Message);
    }

    [Fact]
    public void A_plan_over_the_state_bound_names_the_state_bound()
    {
        var tail = string.Concat(Enumerable.Repeat(" (a | b)", 16));
        var d = SingleDiagnostic($"trajectory T {{\n  tool a;\n  tool b;\n  plan (a | b)* a{tail};\n}}", SemanticDiagnosticCodes.PlanTooLarge);
        Assert.Contains($"more than {TrajCompilerLimits.Default.MaxStates} states", d.Message);
    }
}
