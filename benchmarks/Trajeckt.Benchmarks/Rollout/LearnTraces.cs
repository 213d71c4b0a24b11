using System.Text;
using Trajeckt.Traj.Learning;

namespace Trajeckt.Benchmarks.Rollout;

/// <summary>
/// Deterministic recorded runs for the learn benchmark: a support agent's sessions of exactly 50 calls, each
/// starting with read_ticket and ending with reply_to_ticket, the 48 calls between a seeded random walk over a
/// workflow (each tool is followed by one of two or three others, as an agent's tool use follows its task), so the
/// same seed gives the same runs on every machine. <see cref="Uniform"/> drops the workflow: any of the eight
/// middle tools may follow any other (the worst case for k-tails, see docs/performance.md).
/// </summary>
internal static class LearnTraces
{
    public const int Calls = 50;

    private static readonly Dictionary<string, string[]> s_workflow = new(StringComparer.Ordinal)
    {
        ["read_ticket"] = ["search_kb", "read_customer", "lookup_order"],
        ["search_kb"] = ["search_kb", "summarize", "read_customer"],
        ["read_customer"] = ["lookup_order", "escalate", "search_kb"],
        ["lookup_order"] = ["check_inventory", "create_refund", "read_customer"],
        ["check_inventory"] = ["create_refund", "search_kb", "summarize"],
        ["create_refund"] = ["summarize", "search_kb"],
        ["escalate"] = ["summarize", "read_customer"],
        ["summarize"] = ["translate", "search_kb", "read_customer"],
        ["translate"] = ["summarize", "lookup_order"],
    };

    private static readonly string[] s_middle = ["search_kb", "read_customer", "lookup_order", "check_inventory", "summarize", "translate", "create_refund", "escalate"];

    /// <summary>The calls of <paramref name="count"/> runs (tool names, and the label each call reported).</summary>
    public static List<(string Tool, string? Label)[]> Generate(int count, bool uniform = false, int seed = 14)
    {
        var random = new Random(seed);
        var runs = new List<(string Tool, string? Label)[]>(count);
        for (var r = 0; r < count; r++)
        {
            var calls = new (string Tool, string? Label)[Calls];
            calls[0] = ("read_ticket", null);
            var previous = "read_ticket";
            for (var i = 1; i < Calls - 1; i++)
            {
                var choices = uniform ? s_middle : s_workflow[previous];
                var tool = choices[random.Next(choices.Length)];
                calls[i] = (tool, tool == "read_customer" ? "customer-pii" : null);
                previous = tool;
            }
            calls[Calls - 1] = ("reply_to_ticket", null);
            runs.Add(calls);
        }
        return runs;
    }
    public static List<TrainingRun> AsTrainingRuns(List<(string Tool, string? Label)[]> runs) =>
        runs.Select((calls, r) => new TrainingRun(
            $"run-{r:D5}.jsonl",
            calls.Select((c, i) => new TrainingCall(c.Tool, i + 1, null, c.Label is null ? Array.Empty<string>() : [c.Label])).ToList(),
            isNegative: false)).ToList();

    /// <summary>Writes each run as a trace file (the replay format) into <paramref name="folder"/>.</summary>
    public static void Write(List<(string Tool, string? Label)[]> runs, string folder)
    {
        Directory.CreateDirectory(folder);
        var text = new StringBuilder();
        for (var r = 0; r < runs.Count; r++)
        {
            text.Clear();
            foreach (var (tool, label) in runs[r])
            {
                text.Append("{\"call\": \"").Append(tool).Append('"');
                if (label is not null)
                    text.Append(", \"labels\": [\"").Append(label).Append("\"]");
                text.Append("}\n");
            }
            File.WriteAllText(Path.Combine(folder, $"run-{r:D5}.jsonl"), text.ToString());
        }
    }
}
