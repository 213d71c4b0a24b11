using Trajeckt.Interception;
using Trajeckt.Runtime.Tests.Support;

namespace Trajeckt.Runtime.Tests.Interception;

/// <summary>
/// A generated AIFunction gate inside a call that a framework's gate has decided claims that decision once, instead of
/// deciding the same call again; every other call is decided as usual.
/// </summary>
public sealed class FrameworkDecisionTests
{
    private const string Support = """
        trajectory Support {
          tool read_customer : sensitive(customer-pii);
          tool send_email    : sink(external);
          plan read_customer* send_email?;
        }
        """;

    private readonly TrajecktSession _session = Policies.Session(Support);
    private readonly ToolSlot _read = new("read_customer");

    [Fact]
    public void Outside_a_framework_decision_a_function_gate_decides()
    {
        using var scope = _session.Enter();

        ToolGate.BeginFunction(_read).Complete();

        Assert.Single(_session.GetRecentDecisions());
    }

    [Fact]
    public void Inside_one_the_first_gate_for_that_tool_claims_it_and_any_further_call_is_decided()
    {
        using var scope = _session.Enter();
        var decision = _session.Begin("read_customer");

        using (FrameworkDecisions.Enter(_session, in decision))
        {
            ToolGate.BeginFunction(_read).Complete();
            Assert.Single(_session.GetRecentDecisions());

            ToolGate.BeginFunction(_read).Complete();
            Assert.Equal(2, _session.GetRecentDecisions().Count);
        }
        _session.Complete(in decision);
    }

    [Fact]
    public void Another_tool_another_session_a_refusal_or_an_ended_scope_claim_nothing()
    {
        using var scope = _session.Enter();
        var read = _session.Begin("read_customer");
        _session.Complete(in read);
        var refused = _session.Begin("send_email");
        Assert.False(refused.IsAllowed);
        var other = Policies.Session(Support);
        var otherRead = other.Begin("read_customer");

        using (FrameworkDecisions.Enter(_session, in read))
        {
            Assert.Throws<TrajectoryViolationException>(() => ToolGate.BeginFunction(new ToolSlot("send_email")));
            Assert.False(FrameworkDecisions.TryClaim(other, "read_customer"));
        }
        using (FrameworkDecisions.Enter(_session, in refused))
            Assert.False(FrameworkDecisions.TryClaim(_session, "send_email"));
        using (FrameworkDecisions.Enter(other, in otherRead))
            Assert.False(FrameworkDecisions.TryClaim(_session, "read_customer"));
        Assert.False(FrameworkDecisions.TryClaim(_session, "read_customer"));
    }

    [Fact]
    public async Task The_claim_flows_into_awaited_work_and_parallel_calls_each_have_their_own()
    {
        var first = _session.Begin("read_customer");
        var second = _session.Begin("read_customer");

        var claims = await Task.WhenAll(Claim(first), Claim(second));

        Assert.Equal([true, true], claims);

        async Task<bool> Claim(Decision decision)
        {
            using var _ = FrameworkDecisions.Enter(_session, in decision);
            await Task.Yield();
            return FrameworkDecisions.TryClaim(_session, "read_customer");
        }
    }
}
