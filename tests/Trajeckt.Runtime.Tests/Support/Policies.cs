using Trajeckt.Traj;

namespace Trajeckt.Runtime.Tests.Support;

/// <summary>Compiles Traj text into commitments and sessions for tests.</summary>
internal static class Policies
{
    public static Commitment Compile(string traj)
    {
        var compilation = TrajCompiler.Compile(traj, "test.traj");
        Assert.True(compilation.Success, string.Join(Environment.NewLine, compilation.Diagnostics));
        var trajectory = compilation.Trajectories[0];
        return Commitment.FromVerifiedGraph(trajectory.Graph, trajectory.Encoding);
    }

    public static TrajecktSession Session(string traj, ViolationBehavior onViolation = ViolationBehavior.Refuse) =>
        TrajecktSession.Create(Compile(traj), new TrajecktOptions { OnViolation = onViolation });

    /// <summary>Options under which an uncommitted session runs in heuristic mode.</summary>
    public static TrajecktOptions Uncommitted(ViolationBehavior onViolation = ViolationBehavior.Refuse) =>
        new() { RequireCommitment = false, AllowUncommitted = true, OnViolation = onViolation };

    /// <summary>Begins and completes a call, returning the decision.</summary>
    public static Decision Call(this TrajecktSession session, string tool, Trust? origin = null, params string[] labels)
    {
        var decision = session.Begin(tool);
        session.Complete(in decision, origin, labels.Length == 0 ? null : labels);
        return decision;
    }

    public static void AssertAllowed(Decision decision)
    {
        Assert.True(decision.IsAllowed, decision.Message);
        Assert.Null(decision.Message);
        Assert.Equal(DecisionReason.None, decision.Reason);
    }

    public static void AssertRefused(Decision decision, DecisionReason reason)
    {
        Assert.False(decision.IsAllowed);
        Assert.Equal(reason, decision.Reason);
        Assert.NotNull(decision.Message);
        Assert.StartsWith(ReasonCodes.ToCode(reason) + ":", decision.Message);
    }
}
