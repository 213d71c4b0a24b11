using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Trajeckt.Replay;
using Trajeckt.Traj.Diff;

namespace Trajeckt.Cli;

/// <summary>The <c>--json</c> report of <c>trajeckt diff</c>: one object, keys in snake case (docs/rollout.md).</summary>
internal static class DiffJsonWriter
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(PolicyComparison comparison, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            json.WriteStartObject();
            json.WriteString("old", comparison.OldPath);
            json.WriteString("new", comparison.NewPath);
            json.WriteBoolean("identical", comparison.Identical);
            json.WriteStartArray("trajectories");
            foreach (var pair in comparison.Pairs)
                WritePair(json, pair);
            json.WriteEndArray();
            WriteStrings(json, "trajectories_removed", comparison.TrajectoriesRemoved);
            WriteStrings(json, "trajectories_added", comparison.TrajectoriesAdded);
            if (comparison.TraceRuns is { } runs)
            {
                json.WriteStartObject("traces");
                json.WriteNumber("runs", runs);
                json.WriteStartArray("changed");
                foreach (var change in comparison.TraceChanges)
                {
                    json.WriteStartObject();
                    json.WriteString("run", change.Run);
                    json.WriteNumber("step", change.Old.Step);
                    json.WriteString("event", ReplayTextWriter.EventName(change.Old.Event.Kind));
                    json.WriteString("tool", change.Old.Event.Tool);
                    WriteDecision(json, "old", change.Old);
                    WriteDecision(json, "new", change.New);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        // As in replay's JSON: format characters the relaxed encoder leaves raw are written as \uXXXX.
        output.WriteLine(DisplayText.Escape(Encoding.UTF8.GetString(buffer.ToArray())));
    }

    private static void WritePair(Utf8JsonWriter json, GraphDifference pair)
    {
        json.WriteStartObject();
        json.WriteString("old", pair.OldGraph.Name);
        json.WriteString("new", pair.NewGraph.Name);
        json.WriteBoolean("identical", pair.IsEmpty);
        WriteStrings(json, "tools_added", pair.ToolsAdded);
        WriteStrings(json, "tools_removed", pair.ToolsRemoved);
        json.WriteStartArray("tool_changes");
        foreach (var change in pair.ToolChanges)
        {
            json.WriteStartObject();
            json.WriteString("tool", change.Tool);
            json.WriteString("aspect", change.Aspect);
            json.WriteString("old", change.OldValue);
            json.WriteString("new", change.NewValue);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteFlows(json, "flows_added", pair.FlowChanges.Where(f => f.Added));
        WriteFlows(json, "flows_removed", pair.FlowChanges.Where(f => !f.Added));
        json.WriteStartObject("budget");
        WriteNumberOrNull(json, "old", pair.OldGraph.Budget);
        WriteNumberOrNull(json, "new", pair.NewGraph.Budget);
        json.WriteEndObject();

        WritePlan(json, "plan", pair.Plan);
        if (pair.PlanOverCommonTools is { } common)
            WritePlan(json, "plan_over_common_tools", common);
        else
            json.WriteNull("plan_over_common_tools");
        json.WriteEndObject();
    }

    private static void WritePlan(Utf8JsonWriter json, string name, PlanLanguageDifference plan)
    {
        json.WriteStartObject(name);
        json.WriteBoolean("search_complete", plan.SearchComplete);
        WriteWitness(json, "allowed_only_by_old", plan.AllowedOnlyByOld);
        WriteWitness(json, "allowed_only_by_new", plan.AllowedOnlyByNew);
        WriteWitness(json, "complete_only_in_old", plan.CompleteOnlyInOld);
        WriteWitness(json, "complete_only_in_new", plan.CompleteOnlyInNew);
        json.WriteEndObject();
    }

    private static void WriteWitness(Utf8JsonWriter json, string name, PlanWitness? witness)
    {
        if (witness is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        WriteStrings(json, "calls", witness.Calls);
        if (witness.Refusal is null)
            json.WriteNull("refusal");
        else
            json.WriteString("refusal", witness.Refusal);
        json.WriteEndObject();
    }

    private static void WriteDecision(Utf8JsonWriter json, string name, ReplayResult result)
    {
        json.WriteStartObject(name);
        json.WriteString("decision", result.DecisionName);
        json.WriteString("reason", result.Reason);
        json.WriteString("message", result.Message);
        json.WriteEndObject();
    }

    private static void WriteFlows(Utf8JsonWriter json, string name, IEnumerable<FlowChange> flows)
    {
        json.WriteStartArray(name);
        foreach (var flow in flows)
        {
            json.WriteStartObject();
            json.WriteString("label", flow.Label);
            json.WriteString("tool", flow.Tool);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }
}
