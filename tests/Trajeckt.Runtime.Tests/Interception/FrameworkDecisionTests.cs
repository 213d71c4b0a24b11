using Trajeckt.Interception;
using Trajeckt.Runtime.Tests.Support;

namespace Trajeckt.Runtime.Tests.Interception;

/// <summary>
/// The generated AIFunction gate that a framework's gate invoked after deciding its call claims that decision once,
/// instead of deciding the same call again; every other call is decided as usual.
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
    private readonly ToolSlot _read = new("read_customer", "sensitive(\"customer-pii\")");

    // Stand-ins for function objects: the gate the framework invokes, and another function.
    private readonly object _gate = new();
    private readonly object _wrapper = new();

    [Fact]
    public void Outside_a_framework_decision_a_function_gate_decides()
    {
        using var scope = _session.Enter();

        ToolGate.BeginFunction(_read, _gate).Complete();

        Assert.Single(_session.GetRecentDecisions());
    }

    [Fact]
    public void Inside_one_the_first_gate_for_that_tool_claims_it_and_any_further_call_is_decided()
    {
        using var scope = _session.Enter();
        var decision = _session.Begin("read_customer");

        using (FrameworkDecisions.Enter(_session, in decision, _gate))
        {
            ToolGate.BeginFunction(_read, _gate).Complete();
            Assert.Single(_session.GetRecentDecisions());

            ToolGate.BeginFunction(_read, _gate).Complete();
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

        using (FrameworkDecisions.Enter(_session, in read, _gate))
        {
            Assert.Throws<TrajectoryViolationException>(() => ToolGate.BeginFunction(new ToolSlot("send_email", "sink(external)"), _gate));
            Assert.False(FrameworkDecisions.TryClaim(other, "read_customer", _gate));
        }
        using (FrameworkDecisions.Enter(_session, in refused, _gate))
            Assert.False(FrameworkDecisions.TryClaim(_session, "send_email", _gate));
        using (FrameworkDecisions.Enter(other, in otherRead, _gate))
            Assert.False(FrameworkDecisions.TryClaim(_session, "read_customer", _gate));
        Assert.False(FrameworkDecisions.TryClaim(_session, "read_customer", _gate));
    }

    [Fact]
    public void Only_the_gate_the_framework_invoked_claims_and_with_no_function_none_does()
    {
        using var scope = _session.Enter();
        var decision = _session.Begin("read_customer");

        // The framework invoked a wrapper, which calls the read_customer gate itself: that is another call, decided.
        using (FrameworkDecisions.Enter(_session, in decision, _wrapper))
            Assert.False(FrameworkDecisions.TryClaim(_session, "read_customer", _gate));
        // A framework that passed over every gate itself (UseTrajeckt) offers no claim.
        using (FrameworkDecisions.Enter(_session, in decision, null))
            Assert.False(FrameworkDecisions.TryClaim(_session, "read_customer", _gate));
        using (FrameworkDecisions.Enter(_session, in decision, _gate))
            Assert.True(FrameworkDecisions.TryClaim(_session, "read_customer", _gate));
        _session.Complete(in decision);
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
            using var _ = FrameworkDecisions.Enter(_session, in decision, _gate);
            await Task.Yield();
            return FrameworkDecisions.TryClaim(_session, "read_customer", _gate);
        }
    }

    [Fact]
    public void Marked_for_the_first_gate_the_first_plain_gate_of_the_tool_claims_once_and_any_other_call_is_decided()
    {
        using var scope = _session.Enter();
        var decision = _session.Begin("read_customer");

        using (FrameworkDecisions.Enter(_session, in decision, FrameworkDecisions.FirstGateOfTheTool))
        {
            Assert.Throws<TrajectoryViolationException>(() => ToolGate.Begin(new ToolSlot("send_email", "sink(external)")));
            ToolGate.Begin(_read).Complete();
            Assert.Equal(2, _session.GetRecentDecisions().Count);

            ToolGate.Begin("read_customer").Complete();
            Assert.Equal(3, _session.GetRecentDecisions().Count);
        }
        _session.Complete(in decision);
    }
}
