using Trajeckt.Replay;
using Trajeckt.Traj.Diff;

namespace Trajeckt.Cli;

/// <summary>
/// The readable report of <c>trajeckt diff</c>: one line per difference under each trajectory, then the
/// changed runs and a summary line. Names from policies and traces are escaped so they cannot drive the terminal.
/// </summary>
internal static class DiffTextWriter
{
    public static void Write(PolicyComparison comparison, TextWriter output)
    {
        output.WriteLine($"--- {DisplayText.Escape(comparison.OldPath)}");
        output.WriteLine($"+++ {DisplayText.Escape(comparison.NewPath)}");
        foreach (var pair in comparison.Pairs)
            WritePair(pair, output);
        foreach (var name in comparison.TrajectoriesRemoved)
            output.WriteLine($"trajectory {DisplayText.Escape(name)}: only in the old policy");
        foreach (var name in comparison.TrajectoriesAdded)
            output.WriteLine($"trajectory {DisplayText.Escape(name)}: only in the new policy");
        if (comparison.TraceRuns is { } runs)
        {
            output.WriteLine($"traces: {comparison.TraceChanges.Count} of {runs} run(s) change decision");
            foreach (var change in comparison.TraceChanges)
                output.WriteLine($"  {DisplayText.Escape(change.Run)}: step {change.Old.Step} {Subject(change.Old)}: {Decision(change.Old)} -> {Decision(change.New)}");
        }
        output.WriteLine(comparison.Identical ? "identical: the policies decide every call alike" : "the policies differ");
    }

    private static void WritePair(GraphDifference pair, TextWriter output)
    {
        var name = pair.NameChanged
            ? $"{DisplayText.Escape(pair.OldGraph.Name)} -> {DisplayText.Escape(pair.NewGraph.Name)}"
            : DisplayText.Escape(pair.OldGraph.Name);
        output.WriteLine($"trajectory {name}{(pair.IsEmpty ? ": no difference" : "")}");
        if (pair.ToolsAdded.Count > 0)
            output.WriteLine($"  tools added: {Names(pair.ToolsAdded)}");
        if (pair.ToolsRemoved.Count > 0)
            output.WriteLine($"  tools removed: {Names(pair.ToolsRemoved)}");
        foreach (var change in pair.ToolChanges)
            output.WriteLine($"  {change.Aspect} of {DisplayText.Escape(change.Tool)}: {DisplayText.Escape(change.OldValue)} -> {DisplayText.Escape(change.NewValue)}");
        foreach (var flow in pair.FlowChanges)
            output.WriteLine($"  flow {(flow.Added ? "added" : "removed")}: {DisplayText.Escape(flow.ToString())}");
        if (pair.BudgetChanged)
            output.WriteLine($"  budget: {Budget(pair.OldGraph.Budget)} -> {Budget(pair.NewGraph.Budget)}");

        WritePlan("plan", pair.Plan, withCompletion: true, output);
        if (pair.PlanOverCommonTools is { } common)
            WritePlan("plan over the tools both declare", common, withCompletion: false, output);
    }

    private static void WritePlan(string title, PlanLanguageDifference plan, bool withCompletion, TextWriter output)
    {
        if (plan.AllowedOnlyByOld is { } onlyOld)
            output.WriteLine($"  {title}: only the old policy allows {Run(onlyOld)} (the new one refuses the last call: {onlyOld.Refusal})");
        if (plan.AllowedOnlyByNew is { } onlyNew)
            output.WriteLine($"  {title}: only the new policy allows {Run(onlyNew)} (the old one refuses the last call: {onlyNew.Refusal})");
        if (!plan.SearchComplete)
            output.WriteLine($"  {title}: the search stopped after {plan.PairsExplored} state pairs; other runs may differ");
        if (!withCompletion)
            return;
        if (plan.CompleteOnlyInOld is { } completeOld)
            output.WriteLine($"  {title}: only the old plan ends a complete run at {Run(completeOld)} (not enforced)");
        if (plan.CompleteOnlyInNew is { } completeNew)
            output.WriteLine($"  {title}: only the new plan ends a complete run at {Run(completeNew)} (not enforced)");
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(DisplayText.Escape));

    private static string Run(PlanWitness witness) => DisplayText.Escape(witness.ToString());

    private static string Budget(int? budget) => budget is { } calls ? $"{calls} calls" : "none";

    private static string Subject(ReplayResult result) => result.Event.Kind switch
    {
        TraceEventKind.Input => $"input {result.Event.Trust}",
        TraceEventKind.Authorize => $"authorize {DisplayText.Escape(result.Event.Tool!)}",
        _ => DisplayText.Escape(result.Event.Tool!),
    };

    private static string Decision(ReplayResult result) =>
        result.Reason is null ? result.DecisionName : $"{result.DecisionName} ({DisplayText.Escape(result.Message ?? result.Reason)})";
}
