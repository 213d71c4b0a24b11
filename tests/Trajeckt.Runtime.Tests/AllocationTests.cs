using Trajeckt.Runtime.Tests.Support;

namespace Trajeckt.Runtime.Tests;

/// <summary>The allowed path allocates nothing when nobody listens to the audit channels.</summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class AllocationTests
{
    [Fact]
    public void Begin_and_Complete_on_the_allowed_path_allocate_nothing()
    {
        var commitment = Policies.Compile("""
            trajectory T {
              tool read : sensitive(secret), origin(CleanWorkspace);
              tool send : sink(external);
              tool save : sink(control);
              flow secret -> send;
            }
            """);
        Assert.True(commitment.TryGetToolId("send", out var send));
        var session = TrajecktSession.Create(commitment);
        session.Call("read");

        for (var i = 0; i < 2000; i++)
            RunAllowed(session, send);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
            RunAllowed(session, send);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Begin_by_name_and_heuristic_mode_allocate_nothing_on_the_allowed_path()
    {
        var session = Policies.Session("trajectory T { tool a; tool b; }");
        var heuristic = TrajecktSession.CreateHeuristic(new Dictionary<string, Traj.Graph.ToolEffects> { ["a"] = Traj.Graph.ToolEffects.Shell }, Policies.Uncommitted());
        for (var i = 0; i < 2000; i++)
        {
            session.Call("a");
            heuristic.Call("a");
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            var d = session.Begin("b");
            session.Complete(in d);
            var h = heuristic.Begin("a");
            heuristic.Complete(in h);
            Assert.True(d.IsAllowed && h.IsAllowed);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void RunAllowed(TrajecktSession session, ToolId tool)
    {
        var decision = session.Begin(tool);
        session.Complete(in decision);
        if (!decision.IsAllowed)
            throw new InvalidOperationException(decision.Message);
    }
}
