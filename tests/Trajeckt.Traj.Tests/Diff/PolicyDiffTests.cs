using Trajeckt.Traj.Diff;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Tests.Diff;

/// <summary>Each kind of difference <see cref="PolicyDiff"/> reports, one at a time.</summary>
public class PolicyDiffTests
{
    private const string Base = """
        trajectory T {
          tool read : sensitive(pii);
          tool send : sink(external);
          tool save : sink(control);
          plan read (send | save)*;
          flow pii -> send;
        }
        """;

    private static CompiledGraph Graph(string text)
    {
        var compilation = TrajCompiler.Compile(text, "policy.traj");
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        return compilation.Trajectories[0].Graph;
    }

    private static GraphDifference Diff(string oldText, string newText) => PolicyDiff.Compare(Graph(oldText), Graph(newText));

    [Fact]
    public void The_same_meaning_written_otherwise_is_no_difference()
    {
        var reordered = """
            trajectory T {
              tool save : sink(control);
              tool "send" : sink(external);
              tool read : sensitive(pii);
              plan read send* (save send*)*;
              flow pii -> send;
            }
            """;
        var difference = Diff(Base, reordered);
        Assert.True(difference.IsEmpty);
        Assert.True(difference.Plan.SearchComplete);
        Assert.Null(difference.PlanOverCommonTools);
    }

    [Fact]
    public void Tools_added_and_removed_are_listed_in_ordinal_order()
    {
        var difference = Diff(Base, Base.Replace("tool save : sink(control);", "tool b; tool a;").Replace("(send | save)*", "(send | a | b)*"));
        Assert.Equal(["a", "b"], difference.ToolsAdded);
        Assert.Equal(["save"], difference.ToolsRemoved);
        Assert.False(difference.IsEmpty);
    }

    [Fact]
    public void Changed_effects_floor_and_authorizer_are_named_per_tool()
    {
        var changed = Base.Replace("tool read : sensitive(pii);", "tool read : sensitive(pii, cards), origin(Untrusted);")
            + "\n";
        changed = changed.Replace("flow pii -> send;", "flow pii -> send; floor Memory for save; authorize save by CleanWorkspace;");
        var difference = Diff(Base, changed);
        Assert.Collection(difference.ToolChanges,
            c => Assert.Equal(("read", "effects", "sensitive(pii)", "sensitive(cards, pii), origin(Untrusted)"), (c.Tool, c.Aspect, c.OldValue, c.NewValue)),
            c => Assert.Equal(("save", "floor", "External", "Memory"), (c.Tool, c.Aspect, c.OldValue, c.NewValue)),
            c => Assert.Equal(("save", "authorizer", "TrustedUser", "CleanWorkspace"), (c.Tool, c.Aspect, c.OldValue, c.NewValue)));
        Assert.True(difference.Plan.SameAllowedRuns);
    }

    [Fact]
    public void A_floor_removed_reads_none()
    {
        var difference = Diff(Base, Base.Replace("tool save : sink(control);", "tool save;"));
        Assert.Contains(difference.ToolChanges, c => c is { Tool: "save", Aspect: "floor", OldValue: "External", NewValue: "none" });
        Assert.Contains(difference.ToolChanges, c => c is { Tool: "save", Aspect: "effects", OldValue: "sink(control)", NewValue: "no effects" });
    }

    [Fact]
    public void A_pinned_definition_added_or_changed()
    {
        var pinA = "sha256:" + new string('a', 64);
        var pinB = "sha256:" + new string('b', 64);
        var pinned = Base.Replace("flow pii -> send;", $"flow pii -> send; pin send \"{pinA}\";");
        Assert.Contains(Diff(Base, pinned).ToolChanges, c => c is { Tool: "send", Aspect: "pin", OldValue: "none" } && c.NewValue == pinA);
        Assert.Contains(Diff(pinned, pinned.Replace(pinA, pinB)).ToolChanges, c => c.Aspect == "pin" && c.OldValue == pinA && c.NewValue == pinB);
    }

    [Fact]
    public void Flows_added_and_removed()
    {
        var oldText = Base.Replace("tool save : sink(control);", "tool save : sink(control); tool post : egress;").Replace("(send | save)*", "(send | save | post)*");
        var newText = oldText.Replace("flow pii -> send;", "flow pii -> post;");
        var difference = Diff(oldText, newText);
        Assert.Collection(difference.FlowChanges,
            f => Assert.Equal(("pii", "post", true), (f.Label, f.Tool, f.Added)),
            f => Assert.Equal(("pii", "send", false), (f.Label, f.Tool, f.Added)));
        Assert.Equal("pii -> post", difference.FlowChanges[0].ToString());
    }

    [Fact]
    public void Budget_and_name_changes()
    {
        var difference = Diff(Base, Base.Replace("trajectory T", "trajectory U").Replace("flow pii -> send;", "flow pii -> send; budget calls 5;"));
        Assert.True(difference.NameChanged);
        Assert.True(difference.BudgetChanged);
        Assert.Null(difference.OldGraph.Budget);
        Assert.Equal(5, difference.NewGraph.Budget);
    }

    [Fact]
    public void A_narrower_plan_has_a_shortest_witness_in_one_direction_only()
    {
        var difference = Diff(Base, Base.Replace("plan read (send | save)*;", "plan read send? save*;"));
        Assert.Null(difference.Plan.AllowedOnlyByNew);
        var witness = difference.Plan.AllowedOnlyByOld!;
        Assert.Equal(["read", "save", "send"], witness.Calls);
        Assert.Equal("transition", witness.Refusal);
        Assert.Equal("read save send", witness.ToString());
        Assert.True(difference.PlanChanged);
    }

    [Fact]
    public void Witnesses_in_both_directions_and_ties_broken_by_ordinal_names()
    {
        var difference = Diff(Base.Replace("plan read (send | save)*;", "plan read (send | save);"), Base.Replace("plan read (send | save)*;", "plan read send send;"));
        Assert.Equal(["read", "save"], difference.Plan.AllowedOnlyByOld!.Calls);
        Assert.Equal(["read", "send", "send"], difference.Plan.AllowedOnlyByNew!.Calls);
    }

    [Fact]
    public void A_tool_one_side_lacks_is_refused_as_unknown_and_the_common_tools_are_compared_too()
    {
        var newText = Base.Replace("tool save : sink(control);", "").Replace("(send | save)*", "send?");
        var difference = Diff(Base, newText);
        Assert.Equal(["read", "save"], difference.Plan.AllowedOnlyByOld!.Calls);
        Assert.Equal("unknown_tool", difference.Plan.AllowedOnlyByOld.Refusal);
        var common = difference.PlanOverCommonTools!;
        Assert.Equal(["read", "send", "send"], common.AllowedOnlyByOld!.Calls);
        Assert.Equal("transition", common.AllowedOnlyByOld.Refusal);
        Assert.Null(common.AllowedOnlyByNew);
    }

    [Fact]
    public void Plans_that_differ_only_where_a_run_is_complete_allow_the_same_runs()
    {
        // Enforcement allows every prefix of a plan word, so "read send" and "read send?" decide every call alike.
        var difference = Diff(Base.Replace("plan read (send | save)*;", "plan read send;"), Base.Replace("plan read (send | save)*;", "plan read send?;"));
        Assert.True(difference.Plan.SameAllowedRuns);
        Assert.Null(difference.Plan.CompleteOnlyInOld);
        Assert.Equal(["read"], difference.Plan.CompleteOnlyInNew!.Calls);
        Assert.Null(difference.Plan.CompleteOnlyInNew.Refusal);
        Assert.True(difference.PlanChanged);
    }

    [Fact]
    public void A_search_stopped_at_its_bound_claims_nothing()
    {
        var old = Graph("trajectory T { tool a; tool b; plan (a | b)* a (a | b) (a | b) (a | b); }");
        var @new = Graph("trajectory T { tool a; tool b; plan (a | b)* b (a | b) (a | b) (a | b); }");
        var bounded = PlanLanguageDiff.Compare(old, @new, commonToolsOnly: false, maxPairs: 2);
        Assert.False(bounded.SearchComplete);
        Assert.False(bounded.SameAllowedRuns);
        var full = PlanLanguageDiff.Compare(old, @new);
        Assert.True(full.SearchComplete);
        Assert.True(full.SameAllowedRuns);
        Assert.Equal(["a", "a", "a", "a"], full.CompleteOnlyInOld!.Calls);
    }
}
