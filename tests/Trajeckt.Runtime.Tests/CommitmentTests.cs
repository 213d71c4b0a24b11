using Trajeckt.Enforcement;
using Trajeckt.Runtime.Tests.Support;
using Trajeckt.Traj;
using Trajeckt.Traj.Graph;
using static Trajeckt.Runtime.Tests.Support.Policies;

namespace Trajeckt.Runtime.Tests;

public sealed class CommitmentTests
{
    [Fact]
    public void A_commitment_carries_the_graph_its_name_and_the_digest_of_its_encoding()
    {
        var trajectory = TrajCompiler.Compile("trajectory Support { tool a; tool b; }", "t.traj").Trajectories[0];
        var commitment = Commitment.FromVerifiedGraph(trajectory.Graph, trajectory.Encoding);
        Assert.Equal("Support", commitment.Name);
        Assert.Same(trajectory.Graph, commitment.Graph);
        Assert.Equal(trajectory.Digest, commitment.Digest);
    }

    [Fact]
    public void TryGetToolId_finds_declared_tools_only()
    {
        var commitment = Compile("trajectory T { tool beta; tool alpha; }");
        Assert.True(commitment.TryGetToolId("beta", out var beta));
        Assert.Equal(1, beta.Index);
        Assert.Equal("beta", beta.Name);
        Assert.False(commitment.TryGetToolId("gamma", out var missing));
        Assert.Equal(default, missing);
        Assert.False(commitment.TryGetToolId(null, out _));
    }

    [Fact]
    public void A_tool_id_selects_its_tool_and_a_mismatched_one_falls_back_to_its_name()
    {
        var session = TrajecktSession.Create(Compile("trajectory T { tool alpha; tool beta; plan beta; }"));
        AssertRefused(session.Begin(new ToolId(0, "zeta")), DecisionReason.UnknownTool);
        // Index 0 is alpha here: the name decides, so the handle cannot smuggle in another tool.
        var decision = session.Begin(new ToolId(0, "beta"));
        AssertAllowed(decision);
        Assert.Equal("beta", decision.ToolName);
        AssertRefused(session.Begin(default(ToolId)), DecisionReason.UnknownTool);
        AssertRefused(session.Begin(new ToolId(7, "alpha")), DecisionReason.Transition);
    }

    [Fact]
    public void Dense_and_sparse_plan_tables_decide_alike()
    {
        var random = new Random(7);
        var small = RandomGraphs.Wildcard(3);
        Assert.True(Commitment.FromVerifiedGraph(small, []).Tables.IsDense);
        var (accepting, start, tool, target) = RandomGraphs.RandomDfa(random, 600);
        var states = accepting.Length;
        var big = new CompiledGraph("Big", RandomGraphs.Wildcard(600).ToolArray, [], [], null, accepting, start, tool, target);
        var tables = Commitment.FromVerifiedGraph(big, []).Tables;
        for (var s = 0; s < states; s++)
        {
            for (var t = 0; t < 600; t++)
                Assert.Equal(big.GetTransition(s, t), tables.Next(s, t));
        }
        var huge = RandomGraphs.Wildcard(EnforcementTables.DenseEntryLimit + 1);
        var hugeTables = Commitment.FromVerifiedGraph(huge, []).Tables;
        Assert.False(hugeTables.IsDense);
        Assert.Equal(0, hugeTables.Next(0, EnforcementTables.DenseEntryLimit));
    }

    [Fact]
    public void A_failed_load_refuses_every_call_with_its_reason_and_message_even_when_uncommitted_sessions_are_allowed()
    {
        var load = CommitmentLoadResult.Failure(DecisionReason.SealInvalid, "the seal was signed by an untrusted key.");
        Assert.False(load.Succeeded);
        var session = TrajecktSession.Create(load, Uncommitted(ViolationBehavior.Halt));
        Assert.False(session.IsHeuristic);
        Assert.Null(session.Commitment);
        var refused = session.Call("anything");
        AssertRefused(refused, DecisionReason.SealInvalid);
        Assert.Equal("seal_invalid: anything is refused at step 1: the seal was signed by an untrusted key", refused.Message);
        AssertRefused(session.Call("anything"), DecisionReason.SealInvalid);
        Assert.False(session.Authorize("anything", Trust.TrustedUser).IsAccepted);
    }

    [Fact]
    public void A_successful_load_enforces_its_commitment()
    {
        var load = CommitmentLoadResult.Success(Compile("trajectory T { tool a; }"));
        Assert.True(load.Succeeded);
        Assert.Equal(DecisionReason.None, load.FailureReason);
        var session = TrajecktSession.Create(load);
        Assert.Same(load.Commitment, session.Commitment);
        AssertAllowed(session.Call("a"));
        AssertRefused(session.Call("b"), DecisionReason.UnknownTool);
    }

    [Fact]
    public void A_load_failure_needs_a_refusal_reason_and_a_message()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommitmentLoadResult.Failure(DecisionReason.None, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommitmentLoadResult.Failure(DecisionReason.AuthorizationRejected, "x"));
        Assert.Throws<ArgumentException>(() => CommitmentLoadResult.Failure(DecisionReason.SealInvalid, " "));
    }
}
