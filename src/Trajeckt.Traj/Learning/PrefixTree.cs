namespace Trajeckt.Traj.Learning;

/// <summary>
/// The prefix tree acceptor of a set of words over tool indices: one state per distinct prefix,
/// accepting where a word ends. States are numbered breadth-first from the root (0), children in
/// ascending tool order, so the numbering depends only on the set of words, never on their order.
/// </summary>
internal sealed class PrefixTree
{
    private PrefixTree(bool[] accepting, int[] childStart, int[] childTool, int[] child)
    {
        Accepting = accepting;
        ChildStart = childStart;
        ChildTool = childTool;
        Child = child;
    }

    public bool[] Accepting { get; }

    /// <summary>Row starts: state s's children are at [ChildStart[s], ChildStart[s+1]).</summary>
    public int[] ChildStart { get; }

    /// <summary>Each child edge's tool, ascending within a row.</summary>
    public int[] ChildTool { get; }

    /// <summary>Each child edge's target state.</summary>
    public int[] Child { get; }

    public int StateCount => Accepting.Length;

    /// <summary>The child of <paramref name="state"/> by <paramref name="tool"/>, or -1.</summary>
    public int Step(int state, int tool)
    {
        var index = Array.BinarySearch(ChildTool, ChildStart[state], ChildStart[state + 1] - ChildStart[state], tool);
        return index >= 0 ? Child[index] : -1;
    }

    public static PrefixTree Build(IEnumerable<int[]> words)
    {
        // Insertion numbering first, then a breadth-first renumbering that forgets the insertion order.
        var edges = new Dictionary<long, int>();
        var accepting = new List<bool> { false };
        foreach (var word in words)
        {
            var state = 0;
            foreach (var tool in word)
            {
                var key = ((long)state << 32) | (uint)tool;
                if (!edges.TryGetValue(key, out var child))
                {
                    child = accepting.Count;
                    accepting.Add(false);
                    edges.Add(key, child);
                }
                state = child;
            }
            accepting[state] = true;
        }

        var rows = new List<(int Tool, int Target)>[accepting.Count];
        foreach (var pair in edges)
        {
            var from = (int)(pair.Key >> 32);
            (rows[from] ??= new List<(int, int)>()).Add(((int)(pair.Key & 0xFFFFFFFF), pair.Value));
        }
        var order = new int[accepting.Count];
        var number = new int[accepting.Count];
        var count = 1;
        for (var head = 0; head < count; head++)
        {
            var row = rows[order[head]];
            if (row is null)
                continue;
            row.Sort((a, b) => a.Tool.CompareTo(b.Tool));
            foreach (var (_, target) in row)
            {
                number[target] = count;
                order[count++] = target;
            }
        }

        var start = new int[count + 1];
        var tools = new int[edges.Count];
        var targets = new int[edges.Count];
        var finals = new bool[count];
        var next = 0;
        for (var n = 0; n < count; n++)
        {
            var old = order[n];
            finals[n] = accepting[old];
            start[n] = next;
            if (rows[old] is { } row)
            {
                foreach (var (tool, target) in row)
                {
                    tools[next] = tool;
                    targets[next] = number[target];
                    next++;
                }
            }
        }
        start[count] = next;
        return new PrefixTree(finals, start, tools, targets);
    }
}
