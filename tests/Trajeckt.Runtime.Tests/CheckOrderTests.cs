using Trajeckt.Runtime.Tests.Support;
using static Trajeckt.Runtime.Tests.Support.Policies;
using Trajeckt.TestSupport;

namespace Trajeckt.Runtime.Tests;

/// <summary>Each check of docs/semantics.md and the order between neighbouring checks: the first failing one is the reason.</summary>
public sealed class CheckOrderTests
{
    private const string Support = DesignPolicies.Support;

    [Fact]
    public void The_plan_allows_its_words_and_steps_count_from_one()
    {
        var session = Session(Support);
        var first = session.Call("read_ticket");
        var second = session.Call("read_customer");
        AssertAllowed(first);
        AssertAllowed(second);
        Assert.Equal(1, first.Step);
        Assert.Equal(2, second.Step);
        Assert.Equal("read_customer", second.ToolName);
    }

    [Fact]
    public void Unknown_tool_is_refused_and_names_the_tool()
    {
        var decision = Session(Support).Call("delete_everything");
        AssertRefused(decision, DecisionReason.UnknownTool);
        Assert.Contains("delete_everything", decision.Message);
        Assert.Equal("unknown_tool", decision.Code);
    }

    [Fact]
    public void Tool_names_are_case_sensitive() =>
        AssertRefused(Session(Support).Call("Read_Ticket"), DecisionReason.UnknownTool);

    [Fact]
    public void Unknown_tool_beats_budget()
    {
        var session = Session("trajectory T { tool a; budget calls 0; }");
        AssertRefused(session.Call("b"), DecisionReason.UnknownTool);
        AssertRefused(session.Call("a"), DecisionReason.Budget);
    }

    [Fact]
    public void Budget_counts_allowed_calls_only_and_beats_transition()
    {
        var session = Session("trajectory T { tool a; tool b; plan a a; budget calls 2; }");
        AssertRefused(session.Call("b"), DecisionReason.Transition);
        AssertAllowed(session.Call("a"));
        AssertAllowed(session.Call("a"));
        var refused = session.Call("b");
        AssertRefused(refused, DecisionReason.Budget);
        Assert.Contains("budget of 2 calls", refused.Message);
    }

    [Fact]
    public void Transition_is_refused_when_the_calls_so_far_are_no_prefix_of_the_plan()
    {
        var session = Session(Support);
        var decision = session.Call("send_email");
        AssertRefused(decision, DecisionReason.Transition);
        Assert.Contains("send_email as the first call", decision.Message);
        Assert.Contains("read_ticket", decision.Message);
    }

    [Fact]
    public void A_refused_call_does_not_advance_the_plan()
    {
        var session = Session(Support);
        AssertRefused(session.Call("save_memory"), DecisionReason.Transition);
        AssertAllowed(session.Call("read_ticket"));
        AssertAllowed(session.Call("read_customer"));
    }

    [Fact]
    public void Transition_beats_flow()
    {
        var session = Session(Support);
        AssertAllowed(session.Call("read_ticket"));
        AssertAllowed(session.Call("read_customer", null, "secret"));
        AssertRefused(session.Call("run_shell"), DecisionReason.Transition);
        AssertRefused(session.Call("fetch_url"), DecisionReason.Flow);
    }

    [Fact]
    public void Flow_refuses_a_label_without_a_flow_and_names_label_source_step_and_sink()
    {
        var session = Session("""
            trajectory T {
              tool read_customer : sensitive(customer-pii);
              tool read_secret   : sensitive(secret);
              tool send_email    : sink(external);
              flow customer-pii -> send_email;
            }
            """);
        AssertAllowed(session.Call("read_customer"));
        AssertAllowed(session.Call("send_email"));
        AssertAllowed(session.Call("read_secret"));
        var refused = session.Call("send_email");
        AssertRefused(refused, DecisionReason.Flow);
        Assert.Equal("flow: label 'secret' (read by read_secret at step 3) may not reach external sink send_email", refused.Message);
    }

    [Fact]
    public void Flow_restricts_egress_tools_too()
    {
        var session = Session("trajectory T { tool r : sensitive(x); tool post : egress; }");
        AssertAllowed(session.Call("r"));
        var refused = session.Call("post");
        AssertRefused(refused, DecisionReason.Flow);
        Assert.Contains("egress tool post", refused.Message);
    }

    [Fact]
    public void Flow_beats_floor()
    {
        var session = Session(Support);
        session.ObserveInput(Trust.Untrusted);
        AssertAllowed(session.Call("read_ticket"));
        AssertAllowed(session.Call("fetch_url", null, "unlisted"));
        AssertRefused(session.Call("send_email"), DecisionReason.Flow);
    }

    [Fact]
    public void Floor_refuses_below_the_floor_and_names_levels_and_cause()
    {
        var session = Session(Support);
        AssertAllowed(session.Call("read_ticket"));
        AssertAllowed(session.Call("fetch_url"));
        var refused = session.Call("send_email");
        AssertRefused(refused, DecisionReason.Floor);
        Assert.Equal(
            "floor: send_email requires integrity CleanWorkspace, but the session's integrity is Untrusted (lowered by fetch_url at step 2) and no authorization for send_email is pending",
            refused.Message);
    }

    [Fact]
    public void A_refused_call_changes_nothing()
    {
        var session = Session("""
            trajectory T {
              tool r : sensitive(x), origin(Untrusted);
              tool s : sink(external);
              tool c : sink(control);
              plan s c r;
            }
            """);
        // Were the refused r committed, its label would refuse s (flow) and its origin c (floor).
        AssertRefused(session.Call("r"), DecisionReason.Transition);
        AssertAllowed(session.Call("s"));
        AssertAllowed(session.Call("c"));
    }

    [Fact]
    public void Every_check_passing_allows_with_no_message()
    {
        var decision = Session(Support).Call("read_ticket");
        AssertAllowed(decision);
        Assert.Null(decision.Code);
        Assert.Equal("step 1: read_ticket allow", decision.ToString());
    }
}
