using Trajeckt.Traj.Automata;
using static Trajeckt.Traj.Automata.PlanRegex;

namespace Trajeckt.Traj.Tests.PlanAutomata;

public class PlanAutomatonBuilderTests
{
    private static readonly PlanRegex A = Symbol(0), B = Symbol(1), C = Symbol(2);

    private static PlanDfa BuildDfa(int toolCount, params PlanRegex[] plans)
    {
        var result = PlanAutomatonBuilder.Build(plans, toolCount, 10_000);
        Assert.False(result.IsEmptyLanguage);
        Assert.False(result.ExceededBound);
        DfaInvariants.AssertCanonical(result.Dfa!, toolCount);
        return result.Dfa!;
    }

    private static readonly Dictionary<string, (PlanRegex Left, PlanRegex Right)> EquivalentPairs = new()
    {
        ["(a|b)* = (a*b*)*"] = (Star(Alternation(A, B)), Star(Sequence(Star(A), Star(B)))),
        ["a+ = a a*"] = (Plus(A), Sequence(A, Star(A))),
        ["(a|b)|c = c|(b|a)"] = (Alternation(Alternation(A, B), C), Alternation(C, Alternation(B, A))),
        ["a? b = (b | a b)"] = (Sequence(Optional(A), B), Alternation(B, Sequence(A, B))),
        ["a? = (() | a)"] = (Optional(A), Alternation(Epsilon, A)),
        ["_ = a|b|c"] = (Any, Alternation(A, B, C)),
        ["_* = (a|_)*"] = (Star(Any), Star(Alternation(A, Any))),
        ["a** = a*"] = (Star(Star(A)), Star(A)),
        ["(a b)* a = a (b a)*"] = (Sequence(Star(Sequence(A, B)), A), Sequence(A, Star(Sequence(B, A)))),
        ["a (b !) | a c = a c"] = (Alternation(Sequence(A, Sequence(B, Nothing)), Sequence(A, C)), Sequence(A, C)),
    };

    public static TheoryData<string> EquivalentPlanNames => new(EquivalentPairs.Keys);

    [Theory]
    [MemberData(nameof(EquivalentPlanNames))]
    public void Equivalent_plans_build_identical_automata(string name)
    {
        var (left, right) = EquivalentPairs[name];
        DfaAssert.Identical(BuildDfa(3, left), BuildDfa(3, right));
    }

    [Fact]
    public void No_plan_means_any_sequence_of_calls()
    {
        var dfa = BuildDfa(3);
        Assert.Equal(new[] { true }, dfa.Accepting);
        Assert.Equal(new[] { 0, 1, 2 }, dfa.TransitionTool);
        Assert.Equal(new[] { 0, 0, 0 }, dfa.TransitionTarget);
    }

    [Fact]
    public void States_are_numbered_breadth_first_in_tool_order()
    {
        // c a | b b c: from the start, tool b (index 1) is met before tool c (index 2).
        var dfa = BuildDfa(3, Sequence(C, A), Sequence(B, B, C));
        Assert.Equal(new[] { 1, 2 }, dfa.TransitionTool.Take(2));
        Assert.Equal(1, dfa.Step(0, 1));
        Assert.Equal(2, dfa.Step(0, 2));
        Assert.Equal(3, dfa.Step(1, 1));
        Assert.Equal(4, dfa.Step(2, 0));
        Assert.Equal(4, dfa.Step(3, 2));
        Assert.Equal(new[] { false, false, false, false, true }, dfa.Accepting);
    }

    [Fact]
    public void The_design_example_plan_has_its_minimal_automaton()
    {
        // Tools sorted: fetch_url 0, read_customer 1, read_ticket 2, run_shell 3, save_memory 4, send_email 5.
        PlanRegex fetch = Symbol(0), customer = Symbol(1), ticket = Symbol(2), save = Symbol(4), send = Symbol(5);
        var dfa = BuildDfa(6,
            Sequence(ticket, Star(Alternation(customer, fetch)), Optional(send)),
            Sequence(ticket, save));
        // Start, after read_ticket (save_memory still possible), in the read loop, done.
        Assert.Equal(4, dfa.StateCount);
        var afterTicket = dfa.Step(0, 2);
        var inLoop = dfa.Step(afterTicket, 0);
        var done = dfa.Step(afterTicket, 4);
        Assert.Equal(new[] { 1, 2, 3 }, new[] { afterTicket, inLoop, done });
        Assert.Equal(new[] { false, true, true, true }, dfa.Accepting);
        Assert.Equal(inLoop, dfa.Step(afterTicket, 1));
        Assert.Equal(inLoop, dfa.Step(inLoop, 0));
        Assert.Equal(done, dfa.Step(afterTicket, 5));
        Assert.Equal(done, dfa.Step(inLoop, 5));
        Assert.Equal(-1, dfa.Step(inLoop, 4));
        Assert.Equal(-1, dfa.Step(afterTicket, 3));
        Assert.Equal(dfa.TransitionStart[done], dfa.TransitionStart[done + 1]);
    }

    [Fact]
    public void A_wildcard_is_expanded_to_every_tool_only_in_the_final_rows()
    {
        var dfa = BuildDfa(1000, Sequence(Any, Symbol(7)));
        Assert.Equal(1000, dfa.TransitionStart[1]);
        Assert.All(dfa.TransitionTarget.Take(1000), target => Assert.Equal(1, target));
        Assert.Equal(2, dfa.Step(1, 7));
        Assert.Equal(-1, dfa.Step(1, 8));
    }

    [Fact]
    public void A_named_tool_beside_a_wildcard_gets_its_own_transition()
    {
        // _ c | b d over a, b, c, d: after b both c and d may follow, after a or c only c.
        var d = Symbol(3);
        var dfa = BuildDfa(4, Sequence(Any, C), Sequence(B, d));
        var afterA = dfa.Step(0, 0);
        var afterB = dfa.Step(0, 1);
        Assert.NotEqual(afterA, afterB);
        Assert.Equal(afterA, dfa.Step(0, 2));
        Assert.Equal(afterA, dfa.Step(0, 3));
        Assert.Equal(-1, dfa.Step(afterA, 3));
        Assert.True(dfa.Accepting[dfa.Step(afterB, 3)]);
        Assert.True(dfa.Accepting[dfa.Step(afterB, 2)]);
    }

    private static readonly Dictionary<string, (int ToolCount, PlanRegex Plan)> EmptyLanguages = new()
    {
        ["nothing"] = (3, Nothing),
        ["a nothing"] = (3, Sequence(A, Nothing)),
        ["_ with no tools"] = (0, Any),
        ["(_ | nothing)+ with no tools"] = (0, Plus(Alternation(Any, Nothing))),
    };

    public static TheoryData<string> EmptyLanguageNames => new(EmptyLanguages.Keys);

    [Theory]
    [MemberData(nameof(EmptyLanguageNames))]
    public void An_empty_language_is_reported_not_thrown(string name)
    {
        var (toolCount, plan) = EmptyLanguages[name];
        var result = PlanAutomatonBuilder.Build(new[] { plan }, toolCount, 100);
        Assert.True(result.IsEmptyLanguage);
        Assert.False(result.ExceededBound);
        Assert.Null(result.Dfa);
    }

    [Fact]
    public void The_empty_word_alone_is_one_accepting_state_without_transitions()
    {
        var dfa = BuildDfa(0, Star(Any));
        Assert.Equal(new[] { true }, dfa.Accepting);
        Assert.Empty(dfa.TransitionTool);
    }

    [Fact]
    public void The_state_bound_stops_the_subset_construction_early()
    {
        // (a|b)* a (a|b)^16 needs 2^17 subset states; the bound stops it at 101.
        var tail = Enumerable.Repeat(Alternation(A, B), 16);
        var plan = Sequence(new[] { Star(Alternation(A, B)), A }.Concat(tail).ToArray());
        var result = PlanAutomatonBuilder.Build(new[] { plan }, 2, 100);
        Assert.True(result.ExceededBound);
        Assert.False(result.IsEmptyLanguage);
        Assert.Equal(101, result.StatesSeen);
        Assert.Null(result.Dfa);
    }

    [Fact]
    public void A_plan_at_the_state_bound_is_built()
    {
        // a a a a: five subset states (the last accepting), five minimal states.
        var plan = Sequence(A, A, A, A);
        Assert.True(PlanAutomatonBuilder.Build(new[] { plan }, 1, 4).ExceededBound);
        var result = PlanAutomatonBuilder.Build(new[] { plan }, 1, 5);
        Assert.Equal(5, result.Dfa!.StateCount);
        Assert.Equal(5, result.StatesSeen);
    }

    [Fact]
    public void Too_many_transitions_are_reported_as_over_the_bound()
    {
        // _ _ ... _ (11 wildcards) over 100,000 tools: 11 full rows, 1.1 million transitions.
        var plan = Sequence(Enumerable.Repeat(Any, 11).ToArray());
        var result = PlanAutomatonBuilder.Build(new[] { plan }, 100_000, 1000);
        Assert.True(result.ExceededBound);
        Assert.Null(result.Dfa);
    }

    [Fact]
    public void Deeply_nested_plans_do_not_overflow_the_stack()
    {
        var plan = A;
        for (var i = 0; i < 100_000; i++)
            plan = i % 2 == 0 ? Optional(plan) : Sequence(plan);
        var dfa = BuildDfa(1, plan);
        Assert.Equal(2, dfa.StateCount);
    }

    [Fact]
    public void A_symbol_outside_the_tools_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlanAutomatonBuilder.Build(new[] { Symbol(3) }, 3, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => Symbol(-1));
        Assert.Throws<ArgumentNullException>(() => Sequence(null!));
        Assert.Throws<ArgumentException>(() => Alternation(A, null!));
        Assert.Throws<ArgumentNullException>(() => Star(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => PlanAutomatonBuilder.Build(new[] { A }, 1, 0));
    }

    [Fact]
    public void Factories_copy_their_arrays()
    {
        var items = new[] { A, B };
        var sequence = (PlanSequence)Sequence(items);
        items[0] = C;
        Assert.Same(A, sequence.Items[0]);
    }

    [Fact]
    public void A_thousand_tools_and_fifty_plans_build_within_the_bound()
    {
        // Its speed is measured by CompilerBenchmarks (docs/performance.md), not timed here.
        var plans = LargePolicy.Plans(toolCount: 1000, planCount: 50, seed: 7);
        var result = PlanAutomatonBuilder.Build(plans, 1000, 10_000);
        Assert.False(result.ExceededBound);
        Assert.NotNull(result.Dfa);
        Assert.True(result.Dfa!.StateCount > 1);
    }
}
