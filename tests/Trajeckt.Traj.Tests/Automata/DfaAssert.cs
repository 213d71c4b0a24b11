using Trajeckt.Traj.Automata;

namespace Trajeckt.Traj.Tests.PlanAutomata;

internal static class DfaAssert
{
    /// <summary>Both absent, or equal table for table.</summary>
    public static void Identical(PlanDfa? expected, PlanDfa? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is null || actual is null)
            return;
        Assert.Equal(expected.Accepting, actual.Accepting);
        Assert.Equal(expected.TransitionStart, actual.TransitionStart);
        Assert.Equal(expected.TransitionTool, actual.TransitionTool);
        Assert.Equal(expected.TransitionTarget, actual.TransitionTarget);
    }
}
