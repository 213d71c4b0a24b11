using static Trajeckt.Runtime.Tests.Support.Policies;

namespace Trajeckt.Runtime.Tests;

public sealed class AmbientSessionTests
{
    private const string Policy = "trajectory T { tool a; }";

    [Fact]
    public void Enter_makes_a_session_current_and_dispose_restores_the_previous_one()
    {
        var outer = Session(Policy);
        var inner = Session(Policy);
        Assert.Null(TrajecktSession.Current);
        using (outer.Enter())
        {
            Assert.Same(outer, TrajecktSession.Current);
            using (inner.Enter())
                Assert.Same(inner, TrajecktSession.Current);
            Assert.Same(outer, TrajecktSession.Current);
        }
        Assert.Null(TrajecktSession.Current);
    }

    [Fact]
    public async Task The_current_session_flows_into_async_calls_and_does_not_leak_out()
    {
        var session = Session(Policy);
        async Task<TrajecktSession?> Observe()
        {
            await Task.Yield();
            return TrajecktSession.Current;
        }

        using (session.Enter())
            Assert.Same(session, await Observe());

        async Task EnterInside()
        {
            await Task.Yield();
            session.Enter();
        }

        await EnterInside();
        Assert.Null(TrajecktSession.Current);
    }

    [Fact]
    public void The_default_scope_restores_nothing()
    {
        var session = Session(Policy);
        using (session.Enter())
        {
            default(TrajecktSessionScope).Dispose();
            Assert.Same(session, TrajecktSession.Current);
        }
    }
}
