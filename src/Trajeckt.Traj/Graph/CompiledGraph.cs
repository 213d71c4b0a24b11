namespace Trajeckt.Traj.Graph;

/// <summary>
/// A compiled trajectory commitment: declared tools with their effects, the plan as a minimal DFA in
/// canonical numbering, label flows, floors, authorizers and the call budget (docs/semantics.md).
/// Instances are immutable and canonical: equal policies give equal graphs and equal encodings.
/// </summary>
/// <remarks>
/// Tools and labels are sorted by ordinal name; tool and label indices refer to those orders.
/// The automaton has <see cref="StateCount"/> states, start state 0, no dead states, and its states are
/// numbered in breadth-first order from the start state, following transitions in tool order.
/// Transitions are stored per state, sorted by tool index (compressed sparse rows).
/// </remarks>
public sealed class CompiledGraph
{
    private readonly Dictionary<string, int> _toolIndex;
    private readonly Dictionary<string, int> _labelIndex;

    internal CompiledGraph(
        string name,
        GraphTool[] tools,
        string[] labels,
        int[][] flows,
        int? budget,
        bool[] accepting,
        int[] transitionStart,
        int[] transitionTool,
        int[] transitionTarget,
        ToolPin[]? pins = null)
    {
        Name = name;
        ToolArray = tools;
        LabelArray = labels;
        FlowArray = flows;
        Budget = budget;
        AcceptingArray = accepting;
        TransitionStart = transitionStart;
        TransitionTool = transitionTool;
        TransitionTarget = transitionTarget;
        PinArray = pins ?? Array.Empty<ToolPin>();
        _toolIndex = new Dictionary<string, int>(tools.Length, StringComparer.Ordinal);
        for (var i = 0; i < tools.Length; i++)
            _toolIndex.Add(tools[i].Name, i);
        _labelIndex = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
            _labelIndex.Add(labels[i], i);
    }

    /// <summary>The trajectory's name.</summary>
    public string Name { get; }

    /// <summary>The declared tools, sorted by ordinal name.</summary>
    public IReadOnlyList<GraphTool> Tools => ToolArray;

    /// <summary>Every confidentiality label any tool declares, sorted by ordinal name.</summary>
    public IReadOnlyList<string> Labels => LabelArray;

    /// <summary>The most calls a session may make, or <see langword="null"/> when unbounded.</summary>
    public int? Budget { get; }

    /// <summary>
    /// The pinned tool definitions, ascending by tool index; empty when the graph pins nothing (then it
    /// encodes as format version 1, otherwise as version 2, docs/graph-format.md).
    /// </summary>
    public IReadOnlyList<ToolPin> Pins => PinArray;

    /// <summary>The number of states of the plan automaton (at least 1).</summary>
    public int StateCount => AcceptingArray.Length;

    /// <summary>The number of transitions of the plan automaton.</summary>
    public int TransitionCount => TransitionTool.Length;

    internal GraphTool[] ToolArray { get; }
    internal string[] LabelArray { get; }
    internal int[][] FlowArray { get; }
    internal bool[] AcceptingArray { get; }
    internal int[] TransitionStart { get; }
    internal int[] TransitionTool { get; }
    internal int[] TransitionTarget { get; }
    internal ToolPin[] PinArray { get; }

    /// <summary>Finds a tool's index by name.</summary>
    public bool TryGetToolIndex(string name, out int index) => _toolIndex.TryGetValue(name, out index);

    /// <summary>Finds the pin of a tool, by the tool's name.</summary>
    /// <param name="toolName">The tool's name.</param>
    /// <param name="pin">Its pin, when the graph pins it.</param>
    /// <returns>Whether the graph declares and pins that tool.</returns>
    public bool TryGetPin(string toolName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ToolPin? pin)
    {
        pin = null;
        if (toolName is null || !_toolIndex.TryGetValue(toolName, out var index))
            return false;
        // Pins are sorted by tool index.
        int lo = 0, hi = PinArray.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var at = PinArray[mid].ToolIndex;
            if (at == index)
            {
                pin = PinArray[mid];
                return true;
            }
            if (at < index)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return false;
    }

    /// <summary>Finds a label's index by name.</summary>
    public bool TryGetLabelIndex(string name, out int index) => _labelIndex.TryGetValue(name, out index);

    /// <summary>Whether the plan accepts a run that ends in <paramref name="state"/>.</summary>
    public bool IsAccepting(int state) => AcceptingArray[state];

    /// <summary>The state reached from <paramref name="state"/> by calling tool <paramref name="tool"/>, or -1 when the plan refuses it.</summary>
    public int GetTransition(int state, int tool)
    {
        // Binary search: transitions of a state are sorted by tool index.
        int lo = TransitionStart[state], hi = TransitionStart[state + 1] - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var t = TransitionTool[mid];
            if (t == tool)
                return TransitionTarget[mid];
            if (t < tool)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return -1;
    }

    /// <summary>The transitions leaving <paramref name="state"/>, as (tool index, target state), sorted by tool index.</summary>
    public IEnumerable<(int Tool, int Target)> GetTransitions(int state)
    {
        for (var i = TransitionStart[state]; i < TransitionStart[state + 1]; i++)
            yield return (TransitionTool[i], TransitionTarget[i]);
    }

    /// <summary>The tools (ascending indices) that data labelled <paramref name="label"/> may reach.</summary>
    public IReadOnlyList<int> GetFlowTargets(int label) => FlowArray[label];

    /// <summary>Whether label <paramref name="label"/> may flow to tool <paramref name="tool"/>.</summary>
    public bool FlowAllows(int label, int tool) => Array.BinarySearch(FlowArray[label], tool) >= 0;
}
