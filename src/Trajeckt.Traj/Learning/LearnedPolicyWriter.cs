using System.Globalization;
using System.Text;
using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Learning;

/// <summary>
/// Writes a <see cref="LearnedPolicy"/> as a <c>.traj</c> file in the layout of <c>trajeckt fmt</c>,
/// every statement preceded by comments that say what evidence taught it. Text from the recordings
/// (run names, tool and label names) never reaches a comment raw: control and line-separator
/// characters are escaped, so a hostile run name cannot end a comment and inject a statement.
/// </summary>
internal static class LearnedPolicyWriter
{
    private const int MaxListed = 20;
    private const int MaxWidth = 110;

    public static string Write(LearnedPolicy policy, string? policySource)
    {
        var output = new StringBuilder();
        var benign = policy.Positives.Count;
        Line(output, 0, $"Learned by `trajeckt learn` (k-tails, k = {policy.K}) from {benign + policy.NegativeCount} runs: {benign} benign, {policy.NegativeCount} negative.");
        Line(output, 0, "Nothing here is confirmed: review every line, confirm each flow, then compile and seal it.");
        output.Append("trajectory ").Append(TrajFormatter.FormatName(policy.Name)).Append(" {\n");

        var source = policySource is null ? "no policy was given" : $"from the tool lines of {policySource}";
        Line(output, 1, $"Tools: every tool a benign run called. Labels and origins from what the runs reported; sink, egress, shell and control effects, floors and authorizers {source}.");
        if (policy.UnusedPolicyTools.Count > 0)
            Line(output, 1, $"Left out (declared in {policySource} but called by no benign run): {List(policy.UnusedPolicyTools)}.");
        foreach (var tool in policy.Tools)
            WriteTool(output, tool);

        output.Append('\n');
        WritePlan(output, policy);

        if (policy.Flows.Count > 0)
        {
            output.Append('\n');
            Line(output, 1, "Flows the benign runs needed. CONFIRM each one: a flow lets data with that label leave through that tool.");
            foreach (var flow in policy.Flows)
            {
                Line(output, 1, $"CONFIRM {flow.Label} -> {flow.Tool}: needed by {List(flow.NeededBy)}.");
                output.Append("  flow ").Append(TrajFormatter.FormatName(flow.Label)).Append(" -> ").Append(TrajFormatter.FormatName(flow.Tool)).Append(";\n");
            }
        }

        WriteFloors(output, policy, policySource);
        var longest = policy.Positives.Max(r => r.Calls.Count);
        output.Append('\n');
        if (policy.Budget is { } budget)
        {
            Line(output, 1, $"Budget from {policySource}; the longest benign run made {longest} calls.");
            output.Append("  budget calls ").Append(budget.ToString(CultureInfo.InvariantCulture)).Append(";\n");
        }
        else
        {
            Line(output, 1, $"No budget: the longest benign run made {longest} calls; add `budget calls N;` with room to spare.");
        }
        output.Append("}\n");
        return output.ToString();
    }

    private static void WriteTool(StringBuilder output, LearnedTool tool)
    {
        var evidence = new StringBuilder($"{tool.Name}: {Count(tool.CallCount, "call")} in {Count(tool.RunCount, "run")}");
        if (tool.ReportedLabels.Count > 0)
            evidence.Append($"; reported labels {string.Join(", ", tool.ReportedLabels)}");
        if (tool.ReportedOrigins.Count > 0)
            evidence.Append($"; reported origins {string.Join(", ", tool.ReportedOrigins)}");
        evidence.Append(tool.FromPolicy ? "; has a tool line in the policy" : "; no tool line in any policy: sink, egress, shell and control effects unknown, so declare them by hand");
        Line(output, 1, evidence + ".");
        output.Append("  tool ").Append(TrajFormatter.FormatName(tool.Name));
        var effects = new List<string>();
        if (tool.Labels.Count > 0)
            effects.Add($"sensitive({string.Join(", ", tool.Labels.Select(TrajFormatter.FormatName))})");
        if (tool.Origin != Trust.ToolOutput)
            effects.Add($"origin({tool.Origin})");
        if ((tool.Effects & ToolEffects.ExternalSink) != 0)
            effects.Add("sink(external)");
        if ((tool.Effects & ToolEffects.ControlSink) != 0)
            effects.Add("sink(control)");
        if ((tool.Effects & ToolEffects.Shell) != 0)
            effects.Add("shell");
        if ((tool.Effects & ToolEffects.Egress) != 0)
            effects.Add("egress");
        if (effects.Count > 0)
            output.Append(" : ").Append(string.Join(", ", effects));
        output.Append(";\n");
    }

    private static void WritePlan(StringBuilder output, LearnedPolicy policy)
    {
        var sequences = policy.Positives
            .GroupBy(r => string.Join(" ", r.Calls.Select(c => TrajFormatter.FormatName(c.Tool))), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        Line(output, 1, $"Plan: accepts all {Count(policy.Positives.Count, "benign run")} ({Count(sequences.Count, "distinct call sequence")}). "
            + $"Its prefix tree of {Count(policy.PrefixTreeStates, "state")} was merged by {policy.K}-tails to {Count(policy.Automaton.StateCount, "state")}; "
            + "a merge that would let a negative run through was not made.");
        if (policy.NegativeCount > 0)
        {
            Line(output, 1, $"Refuses {policy.NegativesRefusedByPlan.Count} of {Count(policy.NegativeCount, "negative run")} by itself: {List(policy.NegativesRefusedByPlan)}.");
            if (policy.NegativesNotSeparable.Count > 0)
                Line(output, 1, $"Cannot refuse (their calls are a prefix of a benign run; flows, floors or the budget must): {List(policy.NegativesNotSeparable)}.");
        }
        Line(output, 1, "Taught by (call sequence <- runs):");
        foreach (var group in sequences.Take(MaxListed))
        {
            var shown = group.Key.Length == 0 ? "(no calls)" : group.Key;
            Line(output, 1, $"- {shown} <- {List(group.Select(r => r.Name).ToList())}");
        }
        if (sequences.Count > MaxListed)
            Line(output, 1, $"- ... and {Count(sequences.Count - MaxListed, "more sequence")}.");
        output.Append("  plan ").Append(policy.Plan.Key).Append(";\n");
    }

    private static void WriteFloors(StringBuilder output, LearnedPolicy policy, string? policySource)
    {
        var floored = policy.Tools.Where(t => t.Floor is not null).ToList();
        if (floored.Count == 0)
            return;
        output.Append('\n');
        Line(output, 1, $"Floors and authorizers from {policySource}.");
        foreach (var group in floored.GroupBy(t => t.Floor!.Value).OrderBy(g => g.Key))
            output.Append("  floor ").Append(group.Key).Append(" for ").Append(string.Join(", ", group.Select(t => TrajFormatter.FormatName(t.Name)))).Append(";\n");
        foreach (var group in floored.Where(t => t.Authorizer != Trust.TrustedUser).GroupBy(t => t.Authorizer).OrderBy(g => g.Key))
            output.Append("  authorize ").Append(string.Join(", ", group.Select(t => TrajFormatter.FormatName(t.Name)))).Append(" by ").Append(group.Key).Append(";\n");
    }

    private static string List(IReadOnlyList<string> items) =>
        items.Count <= MaxListed
            ? string.Join(", ", items)
            : string.Join(", ", items.Take(MaxListed)) + $" (+{items.Count - MaxListed} more)";

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

    // A comment, wrapped at spaces to about 110 columns; anything that could end a line comment is escaped.
    private static void Line(StringBuilder output, int indent, string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                escaped.Append(c);
        }
        var prefix = new string(' ', indent * 2) + "// ";
        var continuation = prefix + "  ";
        var line = new StringBuilder(prefix);
        foreach (var word in escaped.ToString().Split(' '))
        {
            if (line.Length > continuation.Length && line.Length + 1 + word.Length > MaxWidth)
            {
                output.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(continuation);
            }
            else if (line.Length > prefix.Length && line[line.Length - 1] != ' ')
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        output.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
