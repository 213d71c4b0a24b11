using Trajeckt.Traj.Automata;

namespace Trajeckt.Traj.Learning;

/// <summary>
/// Partitions the states of a prefix tree by k-tails, constrained by negative examples.
/// </summary>
/// <remarks>
/// Two states may merge only when their k-tails are equal: the same words of length at most k lead
/// out of them, ending in the same places (a word that ends a recorded run is marked). States are
/// taken in breadth-first order; each joins the first block with its k-tails for which the quotient
/// automaton still refuses every negative word somewhere along it, and starts a block of its own
/// when there is none. So no merge ever admits a negative, and without negatives the result is the
/// plain k-tails quotient. Larger k generalizes less; the learned language always contains every
/// positive word (a quotient only adds words).
/// </remarks>
internal sealed class KTailsMerger
{
    private readonly PrefixTree _tree;
    private readonly IReadOnlyList<int[]> _negatives;
    private readonly int[] _blockOf;
    private readonly List<List<int>> _members = new();

    private KTailsMerger(PrefixTree tree, IReadOnlyList<int[]> negatives)
    {
        _tree = tree;
        _negatives = negatives;
        _blockOf = new int[tree.StateCount];
        for (var i = 0; i < _blockOf.Length; i++)
            _blockOf[i] = -1;
    }

    /// <summary>
    /// The block of every state. <paramref name="negatives"/> must each be refused by the tree itself
    /// (a negative the tree accepts as a prefix can never be refused by a quotient).
    /// </summary>
    public static int[] Partition(PrefixTree tree, int k, IReadOnlyList<int[]> negatives, out int blockCount)
    {
        var merger = new KTailsMerger(tree, negatives);
        merger.Run(Signatures(tree, k));
        blockCount = merger._members.Count;
        return merger._blockOf;
    }

    /// <summary>Whether the prefix-closed language of the tree refuses the word at some step.</summary>
    public static bool TreeRefuses(PrefixTree tree, int[] word)
    {
        var state = 0;
        foreach (var tool in word)
        {
            state = tree.Step(state, tool);
            if (state < 0)
                return true;
        }
        return false;
    }

    // Equal ids at level k mean equal k-tails: the tree is deterministic, so its depth-k subtree (with
    // accepting marks) and its set of marked words of length <= k determine each other.
    private static int[] Signatures(PrefixTree tree, int k)
    {
        var level = new int[tree.StateCount];
        for (var s = 0; s < level.Length; s++)
            level[s] = tree.Accepting[s] ? 1 : 0;
        for (var depth = 1; depth <= k; depth++)
        {
            var ids = new Dictionary<int[], int>(IntArrayComparer.Instance);
            var next = new int[tree.StateCount];
            for (var s = 0; s < next.Length; s++)
            {
                var from = tree.ChildStart[s];
                var to = tree.ChildStart[s + 1];
                var key = new int[1 + 2 * (to - from)];
                key[0] = tree.Accepting[s] ? 1 : 0;
                for (var i = from; i < to; i++)
                {
                    key[1 + 2 * (i - from)] = tree.ChildTool[i];
                    key[2 + 2 * (i - from)] = level[tree.Child[i]];
                }
                if (!ids.TryGetValue(key, out var id))
                    ids.Add(key, id = ids.Count);
                next[s] = id;
            }
            level = next;
        }
        return level;
    }

    private void Run(int[] signature)
    {
        var blocksBySignature = new Dictionary<int, List<int>>();
        for (var state = 0; state < _tree.StateCount; state++)
        {
            if (!blocksBySignature.TryGetValue(signature[state], out var candidates))
                blocksBySignature.Add(signature[state], candidates = new List<int>());
            var placed = false;
            foreach (var block in candidates)
            {
                _blockOf[state] = block;
                _members[block].Add(state);
                if (RefusesEveryNegative())
                {
                    placed = true;
                    break;
                }
                _members[block].RemoveAt(_members[block].Count - 1);
            }
            if (placed)
                continue;
            _blockOf[state] = _members.Count;
            candidates.Add(_members.Count);
            _members.Add(new List<int> { state });
        }
    }

    private bool RefusesEveryNegative()
    {
        foreach (var word in _negatives)
        {
            if (!Refuses(word))
                return false;
        }
        return true;
    }

    // Simulates the quotient as an NFA; a state not yet placed is a block of its own (~state).
    private bool Refuses(int[] word)
    {
        var current = new HashSet<int> { Node(0) };
        var next = new HashSet<int>();
        foreach (var tool in word)
        {
            next.Clear();
            foreach (var node in current)
            {
                if (node >= 0)
                {
                    foreach (var member in _members[node])
                        AddStep(next, member, tool);
                }
                else
                {
                    AddStep(next, ~node, tool);
                }
            }
            if (next.Count == 0)
                return true;
            (current, next) = (next, current);
        }
        return false;
    }

    private void AddStep(HashSet<int> next, int state, int tool)
    {
        var child = _tree.Step(state, tool);
        if (child >= 0)
            next.Add(Node(child));
    }

    private int Node(int state) => _blockOf[state] >= 0 ? _blockOf[state] : ~state;
}
