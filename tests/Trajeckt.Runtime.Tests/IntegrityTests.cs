using Trajeckt.Runtime.Tests.Support;
using static Trajeckt.Runtime.Tests.Support.Policies;

namespace Trajeckt.Runtime.Tests;

/// <summary>Integrity is the least trust of anything that entered the context: inputs, origins, reported origins.</summary>
public sealed class IntegrityTests
{
    private const string Policy = """
        trajectory T {
          tool read_workspace : origin(CleanWorkspace);
          tool read_web       : origin(Untrusted);
          tool post;
          tool write_config   : sink(control);
          tool admin          : origin(TrustedUser);
          floor ToolOutput for post;
          floor TrustedUser for admin;
        }
        """;

    [Fact]
    public void Integrity_starts_at_TrustedUser_and_an_input_lowers_it()
    {
        var session = Session(Policy);
        AssertAllowed(session.Call("write_config"));
        var step = session.ObserveInput(Trust.Memory);
        Assert.Equal(2, step);
        var refused = session.Call("write_config");
        AssertRefused(refused, DecisionReason.Floor);
        Assert.Contains("lowered by an input at step 2", refused.Message);
    }

    [Fact]
    public void An_input_of_higher_trust_does_not_raise_integrity()
    {
        var session = Session(Policy);
        session.ObserveInput(Trust.Memory);
        session.ObserveInput(Trust.TrustedUser);
        AssertRefused(session.Call("write_config"), DecisionReason.Floor);
    }

    [Fact]
    public void A_declared_origin_lowers_integrity()
    {
        var session = Session(Policy);
        AssertAllowed(session.Call("admin"));
        AssertAllowed(session.Call("read_workspace"));
        var refused = session.Call("admin");
        AssertRefused(refused, DecisionReason.Floor);
        Assert.Contains("integrity is CleanWorkspace (lowered by read_workspace at step 2)", refused.Message);
    }

    [Fact]
    public void A_reported_origin_can_only_lower_integrity()
    {
        var session = Session(Policy);
        AssertAllowed(session.Call("read_web", Trust.TrustedUser));
        AssertRefused(session.Call("write_config"), DecisionReason.Floor);

        var other = Session(Policy);
        AssertAllowed(other.Call("post", Trust.Memory));
        AssertRefused(other.Call("write_config"), DecisionReason.Floor);
    }

    [Fact]
    public void A_reported_origin_is_applied_also_when_the_tool_threw()
    {
        var session = Session(Policy);
        var decision = session.Begin("post");
        try
        {
            throw new InvalidOperationException("the tool failed");
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            session.Complete(in decision, Trust.Untrusted);
        }
        AssertRefused(session.Call("write_config"), DecisionReason.Floor);
    }

    [Fact]
    public void Trust_values_outside_the_lattice_count_as_untrusted()
    {
        var session = Session(Policy);
        session.ObserveInput((Trust)77);
        AssertRefused(session.Call("write_config"), DecisionReason.Floor);

        var other = Session(Policy);
        other.Call("post", (Trust)99);
        AssertRefused(other.Call("write_config"), DecisionReason.Floor);
    }

    [Fact]
    public void Complete_ignores_refused_decisions()
    {
        var session = Session("trajectory T { tool a; tool c : sink(control); plan a c; }");
        var refused = session.Begin("c");
        session.Complete(in refused, Trust.Untrusted, ["secret"]);
        AssertAllowed(session.Call("a"));
        AssertAllowed(session.Call("c"));
    }

    [Fact]
    public void Complete_rejects_a_decision_of_another_session()
    {
        var one = Session(Policy);
        var two = Session(Policy);
        var decision = one.Begin("post");
        var error = Assert.Throws<ArgumentException>(() => two.Complete(in decision, Trust.Untrusted));
        Assert.Contains("another session", error.Message);
    }
}
