using Trajeckt.Traj.Graph;

namespace Trajeckt.Enforcement;

/// <summary>
/// The tables a commitment's sessions decide with, computed once per graph: a per-tool row, label
/// bitsets for taint and flows, and the plan automaton as a dense table when it is small enough.
/// </summary>
internal sealed class EnforcementTables
{
    // A dense table is one int per (state, tool): up to 1 MiB it beats the CSR binary search.
    internal const int DenseEntryLimit = 1 << 18;

    private readonly CompiledGraph _graph;
    private readonly int[]? _dense;

    public EnforcementTables(CompiledGraph graph, Commitment commitment)
    {
        _graph = graph;
        Commitment = commitment;
        Budget = graph.Budget ?? long.MaxValue;
        var tools = graph.ToolArray;
        ToolCount = tools.Length;
        LabelCount = graph.LabelArray.Length;
        HighWords = Math.Max(0, (LabelCount - 1) >> 6);
        SensitiveHigh = new ulong[ToolCount * HighWords];
        FlowHigh = new ulong[ToolCount * HighWords];

        var sensitiveLow = new ulong[ToolCount];
        for (var t = 0; t < ToolCount; t++)
        {
            foreach (var label in tools[t].LabelArray)
                SetBit(sensitiveLow, SensitiveHigh, t, label);
        }

        var flowLow = new ulong[ToolCount];
        for (var label = 0; label < graph.FlowArray.Length; label++)
        {
            foreach (var tool in graph.FlowArray[label])
                SetBit(flowLow, FlowHigh, tool, label);
        }

        Tools = new ToolRow[ToolCount];
        var floored = 0;
        for (var t = 0; t < ToolCount; t++)
        {
            var slot = tools[t].Floor.HasValue ? floored++ : -1;
            Tools[t] = new ToolRow(tools[t], slot, sensitiveLow[t], flowLow[t]);
        }
        FlooredToolCount = floored;

        if ((long)graph.StateCount * ToolCount <= DenseEntryLimit)
            _dense = BuildDense(graph, ToolCount);
    }

    /// <summary>The commitment these tables belong to, so a session's enforcer needs one reference for both.</summary>
    public Commitment Commitment { get; }

    public CompiledGraph Graph => _graph;

    /// <summary>The graph's call budget, or <see cref="long.MaxValue"/> when it has none.</summary>
    public long Budget { get; }

    public int ToolCount { get; }

    public int LabelCount { get; }

    /// <summary>Words beyond the first, stored per tool in <see cref="SensitiveHigh"/> and <see cref="FlowHigh"/>.</summary>
    public int HighWords { get; }

    public ToolRow[] Tools { get; }

    public int FlooredToolCount { get; }

    /// <summary>Labels 64.. each tool's output carries: <see cref="HighWords"/> words per tool.</summary>
    public ulong[] SensitiveHigh { get; }

    /// <summary>Labels 64.. whose flows list each tool: <see cref="HighWords"/> words per tool.</summary>
    public ulong[] FlowHigh { get; }

    public bool IsDense => _dense is not null;

    /// <summary>The state after calling <paramref name="tool"/> in <paramref name="state"/>, or -1 when the plan refuses it.</summary>
    public int Next(int state, int tool) =>
        _dense is { } dense ? dense[(state * ToolCount) + tool] : _graph.GetTransition(state, tool);

    private static int[] BuildDense(CompiledGraph graph, int toolCount)
    {
        var dense = new int[graph.StateCount * toolCount];
        Array.Fill(dense, -1);
        for (var state = 0; state < graph.StateCount; state++)
        {
            for (var i = graph.TransitionStart[state]; i < graph.TransitionStart[state + 1]; i++)
                dense[(state * toolCount) + graph.TransitionTool[i]] = graph.TransitionTarget[i];
        }
        return dense;
    }

    private void SetBit(ulong[] low, ulong[] high, int tool, int label)
    {
        if (label < 64)
            low[tool] |= 1UL << label;
        else
            high[(tool * HighWords) + (label >> 6) - 1] |= 1UL << (label & 63);
    }
}
