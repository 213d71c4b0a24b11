using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Automata;

/// <summary>
/// A Thompson-style NFA of a plan whose labelled edges carry tool <em>classes</em> (a sorted tool set,
/// or "any tool") instead of single tools, so that <c>(a|b|...)</c> over many tools is one edge and
/// <c>_</c> never expands to one edge per tool.
/// </summary>
/// <remarks>
/// Built without recursion (plans may nest deeply): a work list of (expression, from, to) tasks, each
/// adding edges out of <c>from</c>, into <c>to</c> and among states it creates itself, never into
/// <c>from</c> or out of <c>to</c>. That invariant lets alternatives share their end points safely.
/// </remarks>
internal sealed class PlanNfa
{
    private readonly List<int> _epsilonHead = new();
    private readonly List<int> _epsilonNext = new();
    private readonly List<int> _epsilonTarget = new();
    private readonly List<int> _labelledHead = new();
    private readonly List<int> _labelledNext = new();
    private readonly List<int> _labelledClass = new();
    private readonly List<int> _labelledTarget = new();
    private readonly List<int[]?> _classes = new();
    private readonly Dictionary<int, int> _singletonClass = new();
    private int _anyClass = -1;

    private PlanNfa()
    {
    }

    /// <summary>The number of states.</summary>
    public int StateCount => _epsilonHead.Count;

    /// <summary>The start state.</summary>
    public int Start { get; private set; }

    /// <summary>The only accepting state; it has no outgoing edges.</summary>
    public int Accept { get; private set; }

    /// <summary>
    /// Compiles the union of <paramref name="plans"/> over tools 0..<paramref name="toolCount"/>-1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A symbol names a tool outside that range.</exception>
    public static PlanNfa Build(IReadOnlyList<PlanRegex> plans, int toolCount)
    {
        var nfa = new PlanNfa();
        nfa.Start = nfa.AddState();
        nfa.Accept = nfa.AddState();
        var tasks = new Stack<(PlanRegex Node, int From, int To)>();
        for (var i = plans.Count - 1; i >= 0; i--)
            tasks.Push((plans[i] ?? throw new ArgumentException("A plan is null.", nameof(plans)), nfa.Start, nfa.Accept));
        while (tasks.Count > 0)
        {
            var (node, from, to) = tasks.Pop();
            nfa.Expand(node, from, to, toolCount, tasks);
        }
        return nfa;
    }

    /// <summary>The first epsilon edge leaving <paramref name="state"/>, or -1.</summary>
    public int FirstEpsilon(int state) => _epsilonHead[state];

    /// <summary>The epsilon edge after <paramref name="edge"/> of the same state, or -1.</summary>
    public int NextEpsilon(int edge) => _epsilonNext[edge];

    /// <summary>The state an epsilon edge leads to.</summary>
    public int EpsilonTarget(int edge) => _epsilonTarget[edge];

    /// <summary>The first labelled edge leaving <paramref name="state"/>, or -1.</summary>
    public int FirstLabelled(int state) => _labelledHead[state];

    /// <summary>The labelled edge after <paramref name="edge"/> of the same state, or -1.</summary>
    public int NextLabelled(int edge) => _labelledNext[edge];

    /// <summary>The state a labelled edge leads to.</summary>
    public int LabelledTarget(int edge) => _labelledTarget[edge];

    /// <summary>The tools a labelled edge accepts, ascending and distinct, or <see langword="null"/> for every tool.</summary>
    public int[]? LabelledTools(int edge) => _classes[_labelledClass[edge]];

    /// <summary>Whether a state matters for the subset construction: it accepts or has labelled edges.</summary>
    public bool IsImportant(int state) => state == Accept || _labelledHead[state] >= 0;

    private void Expand(PlanRegex node, int from, int to, int toolCount, Stack<(PlanRegex, int, int)> tasks)
    {
        switch (node)
        {
            case PlanSymbol symbol:
                AddLabelled(from, SingletonClass(CheckTool(symbol.Tool, toolCount)), to);
                break;
            case PlanAny:
                AddLabelled(from, AnyClass(), to);
                break;
            case PlanSequence sequence:
                ExpandSequence(sequence.Items, from, to, tasks);
                break;
            case PlanAlternation alternation:
                ExpandAlternation(alternation, from, to, toolCount, tasks);
                break;
            case PlanRepeat repeat:
                ExpandRepeat(repeat, from, to, tasks);
                break;
            default:
                throw new ArgumentException($"Unknown plan expression {node.GetType().Name}.", nameof(node));
        }
    }

    private void ExpandSequence(IReadOnlyList<PlanRegex> items, int from, int to, Stack<(PlanRegex, int, int)> tasks)
    {
        if (items.Count == 0)
        {
            AddEpsilon(from, to);
            return;
        }
        var left = from;
        for (var i = 0; i < items.Count; i++)
        {
            var right = i == items.Count - 1 ? to : AddState();
            tasks.Push((items[i], left, right));
            left = right;
        }
    }

    // Tools and wildcards among the alternatives (nested alternations and one-item sequences flattened)
    // become one labelled edge; the rest are expanded between the same end points.
    private void ExpandAlternation(PlanAlternation alternation, int from, int to, int toolCount, Stack<(PlanRegex, int, int)> tasks)
    {
        var pending = new Stack<PlanRegex>();
        pending.Push(alternation);
        var tools = new List<int>();
        var any = false;
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case PlanAlternation nested:
                    foreach (var alternative in nested.Alternatives)
                        pending.Push(alternative);
                    break;
                case PlanSequence { Items.Count: 1 } single:
                    pending.Push(single.Items[0]);
                    break;
                case PlanSymbol symbol:
                    tools.Add(CheckTool(symbol.Tool, toolCount));
                    break;
                case PlanAny:
                    any = true;
                    break;
                case var other:
                    tasks.Push((other, from, to));
                    break;
            }
        }
        if (any)
            AddLabelled(from, AnyClass(), to);
        else if (tools.Count == 1)
            AddLabelled(from, SingletonClass(tools[0]), to);
        else if (tools.Count > 1)
            AddLabelled(from, AddClass(SortedDistinct(tools)), to);
    }

    private void ExpandRepeat(PlanRepeat repeat, int from, int to, Stack<(PlanRegex, int, int)> tasks)
    {
        if (repeat.Kind == PlanRepeatKind.Optional)
        {
            AddEpsilon(from, to);
            tasks.Push((repeat.Operand, from, to));
            return;
        }
        // The loop lives on fresh states so that it cannot be entered from anywhere but 'from'.
        var loopIn = AddState();
        var loopOut = AddState();
        AddEpsilon(from, loopIn);
        AddEpsilon(loopOut, loopIn);
        if (repeat.Kind == PlanRepeatKind.ZeroOrMore)
            AddEpsilon(loopIn, to);
        else
            AddEpsilon(loopOut, to);
        tasks.Push((repeat.Operand, loopIn, loopOut));
    }

    private static int CheckTool(int tool, int toolCount) =>
        tool < toolCount ? tool : throw new ArgumentOutOfRangeException(nameof(tool), tool, $"The plan names tool {tool} but there are {toolCount} tools.");

    private static int[] SortedDistinct(List<int> tools)
    {
        tools.Sort();
        var distinct = new List<int>(tools.Count);
        foreach (var tool in tools)
        {
            if (distinct.Count == 0 || distinct[distinct.Count - 1] != tool)
                distinct.Add(tool);
        }
        return distinct.ToArray();
    }

    private int SingletonClass(int tool)
    {
        if (!_singletonClass.TryGetValue(tool, out var id))
        {
            id = AddClass(new[] { tool });
            _singletonClass.Add(tool, id);
        }
        return id;
    }

    private int AnyClass()
    {
        if (_anyClass < 0)
            _anyClass = AddClass(null);
        return _anyClass;
    }

    private int AddClass(int[]? tools)
    {
        _classes.Add(tools);
        return _classes.Count - 1;
    }

    private int AddState()
    {
        _epsilonHead.Add(-1);
        _labelledHead.Add(-1);
        return _epsilonHead.Count - 1;
    }

    private void AddEpsilon(int from, int to)
    {
        _epsilonTarget.Add(to);
        _epsilonNext.Add(_epsilonHead[from]);
        _epsilonHead[from] = _epsilonTarget.Count - 1;
    }

    private void AddLabelled(int from, int toolClass, int to)
    {
        _labelledTarget.Add(to);
        _labelledClass.Add(toolClass);
        _labelledNext.Add(_labelledHead[from]);
        _labelledHead[from] = _labelledTarget.Count - 1;
    }
}
