using Trajeckt.Traj.Graph;

namespace Trajeckt.Runtime.Tests.Support;

/// <summary>
/// Random but well-formed graphs built through the internal <see cref="CompiledGraph"/> constructor:
/// sorted tools and labels, flows only to flow-restricted tools, and a random DFA without dead states.
/// </summary>
internal static class RandomGraphs
{
    public static readonly string[] ToolPool = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
    public static readonly string[] LabelPool = ["l-a", "l-b", "l-c", "l-d"];

    // Enough labels that taint spills past the first 64-bit word.
    public static readonly string[] WideLabelPool = Enumerable.Range(0, 150).Select(i => $"w{i:D3}").ToArray();

    public static CompiledGraph Create(Random random)
    {
        var toolNames = ToolPool.Where(_ => random.Next(3) > 0).DefaultIfEmpty(ToolPool[0]).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var pool = random.Next(3) == 0 ? WideLabelPool : LabelPool;
        var picks = pool == WideLabelPool ? 30 : 3;
        var declaredLabels = new List<string>[toolNames.Length];
        var effects = new ToolEffects[toolNames.Length];
        for (var t = 0; t < toolNames.Length; t++)
        {
            effects[t] = (ToolEffects)random.Next(32);
            declaredLabels[t] = (effects[t] & ToolEffects.Sensitive) != 0
                ? pool.Where(_ => random.Next(pool.Length) < picks).DefaultIfEmpty(pool[random.Next(pool.Length)]).ToList()
                : [];
        }
        var labels = declaredLabels.SelectMany(l => l).Distinct().OrderBy(l => l, StringComparer.Ordinal).ToArray();

        var tools = new GraphTool[toolNames.Length];
        for (var t = 0; t < tools.Length; t++)
        {
            Trust? floor = (effects[t] & ToolEffects.ControlSink) != 0
                ? RandomTrust(random)
                : random.Next(3) == 0 ? RandomTrust(random) : null;
            tools[t] = new GraphTool(
                toolNames[t],
                effects[t],
                declaredLabels[t].Select(l => Array.IndexOf(labels, l)).Order().ToArray(),
                RandomTrust(random),
                floor,
                RandomTrust(random));
        }

        var flows = labels.Select(_ => Enumerable.Range(0, tools.Length).Where(t => tools[t].IsFlowRestricted && random.Next(2) == 0).ToArray()).ToArray();
        int? budget = random.Next(3) == 0 ? random.Next(0, 12) : null;
        var (accepting, start, transitionTool, transitionTarget) = RandomDfa(random, tools.Length);
        return new CompiledGraph("Random", tools, labels, flows, budget, accepting, start, transitionTool, transitionTarget);
    }

    public static Trust RandomTrust(Random random) => (Trust)random.Next(6);

    /// <summary>A DFA whose every state can reach an accepting state, so a defined transition always extends a prefix of a word.</summary>
    public static (bool[] Accepting, int[] Start, int[] Tool, int[] Target) RandomDfa(Random random, int toolCount)
    {
        var states = random.Next(1, 6);
        var density = random.Next(1, 4);
        var edges = new List<(int From, int Tool, int To)>();
        for (var s = 0; s < states; s++)
        {
            for (var t = 0; t < toolCount; t++)
            {
                if (random.Next(4) < density)
                    edges.Add((s, t, random.Next(states)));
            }
        }
        var accepting = new bool[states];
        for (var s = 0; s < states; s++)
            accepting[s] = random.Next(3) == 0;

        // A state that cannot reach an accepting state would be dead: make it accepting instead.
        var live = (bool[])accepting.Clone();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (from, _, to) in edges)
            {
                if (live[to] && !live[from])
                    live[from] = changed = true;
            }
        }
        for (var s = 0; s < states; s++)
            accepting[s] |= !live[s];

        var start = new int[states + 1];
        var tool = new List<int>();
        var target = new List<int>();
        for (var s = 0; s < states; s++)
        {
            start[s] = tool.Count;
            foreach (var e in edges.Where(e => e.From == s).OrderBy(e => e.Tool))
            {
                tool.Add(e.Tool);
                target.Add(e.To);
            }
        }
        start[states] = tool.Count;
        return (accepting, start, tool.ToArray(), target.ToArray());
    }

    /// <summary>A graph of <paramref name="toolCount"/> effect-free tools and the plan <c>_*</c>.</summary>
    public static CompiledGraph Wildcard(int toolCount, int? budget = null)
    {
        var tools = Enumerable.Range(0, toolCount)
            .Select(i => $"tool{i:D6}")
            .Select(n => new GraphTool(n, ToolEffects.None, [], Trust.ToolOutput, null, Trust.TrustedUser))
            .ToArray();
        return new CompiledGraph(
            "Wildcard", tools, [], [], budget, [true], [0, toolCount], Enumerable.Range(0, toolCount).ToArray(), new int[toolCount]);
    }
}
