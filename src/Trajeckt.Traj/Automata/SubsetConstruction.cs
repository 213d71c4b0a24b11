namespace Trajeckt.Traj.Automata;

/// <summary>
/// The subset construction from a <see cref="PlanNfa"/> to a <see cref="SymbolicDfa"/>. Wildcard edges
/// become default transitions; tools named by labelled edges are grouped by the exact set of edges that
/// accept them, so each DFA state costs time in the sizes of its edges' tool sets, never in the number
/// of tools.
/// </summary>
/// <remarks>
/// Two bounds stop it early: the number of DFA states, and the <em>work</em>: every NFA state an
/// epsilon closure visits, every tool of every labelled edge examined, and every element of a state set
/// kept, counted over the whole run. The work bounds time and memory where the state count cannot:
/// <c>a? a? ... a?</c> has few states, but each is a set of thousands of NFA states, so its cost grows
/// with the square of the plan's length.
/// </remarks>
internal sealed class SubsetConstruction
{
    private readonly PlanNfa _nfa;
    private readonly int _toolCount;
    private readonly int _maxStates;
    private readonly long _maxWork;
    private readonly Dictionary<int[], int> _stateOfSet = new(IntArrayComparer.Instance);
    private readonly List<int[]> _sets = new();
    private readonly int[] _visitStamp;
    private int _visitEpoch;
    private long _work;
    private PlanAutomatonLimit _exceeded;

    // Per DFA state under construction: the trie that names each tool's set of accepting edges.
    private readonly int[] _toolStamp;
    private readonly int[] _toolNode;
    private readonly List<int> _nodeParent = new();
    private readonly List<int> _nodeEdge = new();
    private readonly Dictionary<long, int> _nodeChild = new();
    private readonly Dictionary<int, int> _nodeTarget = new();

    private SubsetConstruction(PlanNfa nfa, int toolCount, int maxStates, long maxWork)
    {
        _nfa = nfa;
        _toolCount = toolCount;
        _maxStates = maxStates;
        _maxWork = maxWork;
        _visitStamp = new int[nfa.StateCount];
        _toolStamp = new int[toolCount];
        _toolNode = new int[toolCount];
    }

    /// <summary>
    /// Determinizes <paramref name="nfa"/>. Returns <see langword="null"/> as soon as more than
    /// <paramref name="maxStates"/> states or more than <paramref name="maxWork"/> steps of work would be
    /// needed, and says which in <paramref name="exceeded"/>; <paramref name="statesSeen"/> counts the
    /// states created (plus one past the state bound).
    /// </summary>
    public static SymbolicDfa? Run(PlanNfa nfa, int toolCount, int maxStates, long maxWork, out int statesSeen, out PlanAutomatonLimit exceeded)
    {
        var construction = new SubsetConstruction(nfa, toolCount, maxStates, maxWork);
        var dfa = construction.Run();
        exceeded = construction._exceeded;
        statesSeen = construction._sets.Count + (exceeded == PlanAutomatonLimit.States ? 1 : 0);
        return dfa;
    }

    private SymbolicDfa? Run()
    {
        var accepting = new List<bool>();
        var explicitTools = new List<int[]>();
        var explicitTargets = new List<int[]>();
        var defaults = new List<int>();
        if (StateOf(Closure(new[] { _nfa.Start })) < 0)
            return null;
        for (var state = 0; state < _sets.Count; state++)
        {
            var set = _sets[state];
            accepting.Add(Array.BinarySearch(set, _nfa.Accept) >= 0);
            if (!AddTransitions(state + 1, set, out var tools, out var targets, out var defaultTarget))
                return null;
            explicitTools.Add(tools);
            explicitTargets.Add(targets);
            defaults.Add(defaultTarget);
        }
        return new SymbolicDfa(0, accepting.ToArray(), explicitTools.ToArray(), explicitTargets.ToArray(), defaults.ToArray());
    }

    private bool AddTransitions(int epoch, int[] set, out int[] tools, out int[] targets, out int defaultTarget)
    {
        tools = targets = Array.Empty<int>();
        defaultTarget = -1;
        var anyTargets = new List<int>();
        var touched = new List<int>();
        _nodeParent.Clear();
        _nodeEdge.Clear();
        _nodeChild.Clear();
        _nodeTarget.Clear();
        _nodeParent.Add(-1);
        _nodeEdge.Add(-1);
        foreach (var nfaState in set)
        {
            for (var edge = _nfa.FirstLabelled(nfaState); edge >= 0; edge = _nfa.NextLabelled(edge))
            {
                var edgeTools = _nfa.LabelledTools(edge);
                if (!Spend(1 + (edgeTools?.Length ?? 0)))
                    return false;
                if (edgeTools is null)
                {
                    anyTargets.Add(_nfa.LabelledTarget(edge));
                    continue;
                }
                foreach (var tool in edgeTools)
                {
                    if (_toolStamp[tool] != epoch)
                    {
                        _toolStamp[tool] = epoch;
                        _toolNode[tool] = 0;
                        touched.Add(tool);
                    }
                    _toolNode[tool] = ChildNode(_toolNode[tool], edge);
                }
            }
        }

        touched.Sort();
        var toolList = new List<int>(touched.Count);
        var targetList = new List<int>(touched.Count);
        if (touched.Count < _toolCount && anyTargets.Count > 0)
        {
            defaultTarget = StateOf(Closure(anyTargets));
            if (defaultTarget < 0)
                return false;
        }
        foreach (var tool in touched)
        {
            var node = _toolNode[tool];
            if (!_nodeTarget.TryGetValue(node, out var target))
            {
                var seeds = new List<int>(anyTargets);
                for (var n = node; n > 0; n = _nodeParent[n])
                    seeds.Add(_nfa.LabelledTarget(_nodeEdge[n]));
                target = StateOf(Closure(seeds));
                if (target < 0)
                    return false;
                _nodeTarget.Add(node, target);
            }
            if (target != defaultTarget)
            {
                toolList.Add(tool);
                targetList.Add(target);
            }
        }
        tools = toolList.ToArray();
        targets = targetList.ToArray();
        return true;
    }

    private int ChildNode(int parent, int edge)
    {
        var key = ((long)parent << 32) | (uint)edge;
        if (!_nodeChild.TryGetValue(key, out var child))
        {
            child = _nodeParent.Count;
            _nodeParent.Add(parent);
            _nodeEdge.Add(edge);
            _nodeChild.Add(key, child);
        }
        return child;
    }

    // The important states (accepting, or with labelled edges) reachable by epsilon edges, ascending.
    private int[] Closure(IEnumerable<int> seeds)
    {
        _visitEpoch++;
        var pending = new Stack<int>();
        var important = new List<int>();
        foreach (var seed in seeds)
            Visit(seed, pending, important);
        while (pending.Count > 0)
        {
            var state = pending.Pop();
            for (var edge = _nfa.FirstEpsilon(state); edge >= 0; edge = _nfa.NextEpsilon(edge))
                Visit(_nfa.EpsilonTarget(edge), pending, important);
        }
        important.Sort();
        return important.ToArray();
    }

    private void Visit(int state, Stack<int> pending, List<int> important)
    {
        if (_visitStamp[state] == _visitEpoch)
            return;
        _visitStamp[state] = _visitEpoch;
        _work++;
        pending.Push(state);
        if (_nfa.IsImportant(state))
            important.Add(state);
    }

    // The DFA state of a closed NFA state set, created on first sight; -1 past a bound.
    private int StateOf(int[] set)
    {
        // The closure that made the set was paid for while it ran; a lookup costs its length again.
        if (!Spend(set.Length))
            return -1;
        if (_stateOfSet.TryGetValue(set, out var state))
            return state;
        if (_sets.Count >= _maxStates)
        {
            _exceeded = PlanAutomatonLimit.States;
            return -1;
        }
        state = _sets.Count;
        _sets.Add(set);
        _stateOfSet.Add(set, state);
        return state;
    }

    private bool Spend(long units)
    {
        _work += units;
        if (_work <= _maxWork)
            return true;
        _exceeded = PlanAutomatonLimit.ConstructionWork;
        return false;
    }
}
