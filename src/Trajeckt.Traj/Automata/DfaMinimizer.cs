namespace Trajeckt.Traj.Automata;

/// <summary>
/// Merges equivalent states of a dead-state-free <see cref="SymbolicDfa"/>: partition refinement by
/// <see cref="StateSignature"/>, driven by a work list in the manner of Hopcroft's algorithm.
/// </summary>
/// <remarks>
/// Only states whose successors changed block are re-examined, and when a block splits, its largest part
/// keeps the block's number, so a state changes number at most log2(n) times. A long chain of states is
/// therefore minimized in near-linear time (plain Moore rounds would take quadratic time), and no step
/// costs time in the number of tools for rows that use a default transition.
/// </remarks>
internal static class DfaMinimizer
{
    /// <summary>Returns the quotient automaton: one state per equivalence class.</summary>
    public static SymbolicDfa Minimize(SymbolicDfa dfa, int toolCount)
    {
        var partition = Refine(dfa, toolCount);
        return Quotient(dfa, partition.BlockOf, partition.BlockCount);
    }

    /// <summary>Whether no two states of <paramref name="dfa"/> are equivalent.</summary>
    public static bool IsMinimal(SymbolicDfa dfa, int toolCount) => Refine(dfa, toolCount).BlockCount == dfa.StateCount;

    private static StatePartition Refine(SymbolicDfa dfa, int toolCount)
    {
        var reference = StateSignature.ChooseReference(dfa, toolCount);
        var predecessors = new Predecessors(dfa);
        var partition = new StatePartition(InitialBlocks(dfa, out var blockCount), blockCount);
        // The signature every member of a block had when it was last examined; null before the first round.
        var blockSignature = new List<int[]?>();
        for (var b = 0; b < blockCount; b++)
            blockSignature.Add(null);

        var dirty = new bool[dfa.StateCount];
        var pending = new List<int>(Enumerable.Range(0, dfa.StateCount));
        foreach (var state in pending)
            dirty[state] = true;
        var moved = new List<int>();
        while (pending.Count > 0)
        {
            moved.Clear();
            foreach (var byBlock in GroupDirtyByBlock(dfa, toolCount, reference, partition, pending))
                SplitBlock(partition, blockSignature, byBlock.Key, byBlock.Value, moved);
            foreach (var state in pending)
                dirty[state] = false;
            pending.Clear();
            foreach (var state in moved)
            {
                for (var edge = predecessors.First(state); edge >= 0; edge = predecessors.Next(edge))
                {
                    var predecessor = predecessors.Source(edge);
                    if (!dirty[predecessor])
                    {
                        dirty[predecessor] = true;
                        pending.Add(predecessor);
                    }
                }
            }
        }
        return partition;
    }

    private static int[] InitialBlocks(SymbolicDfa dfa, out int blockCount)
    {
        int acceptingBlock = -1, rejectingBlock = -1, count = 0;
        var block = new int[dfa.StateCount];
        for (var s = 0; s < dfa.StateCount; s++)
        {
            ref var id = ref dfa.Accepting[s] ? ref acceptingBlock : ref rejectingBlock;
            if (id < 0)
                id = count++;
            block[s] = id;
        }
        blockCount = count;
        return block;
    }

    // Signatures are all taken before any block splits, so they refer to one consistent partition.
    private static Dictionary<int, Dictionary<int[], List<int>>> GroupDirtyByBlock(
        SymbolicDfa dfa, int toolCount, int reference, StatePartition partition, List<int> dirty)
    {
        var groups = new Dictionary<int, Dictionary<int[], List<int>>>();
        foreach (var state in dirty)
        {
            var signature = StateSignature.Compute(dfa, toolCount, reference, partition.BlockOf, state);
            var block = partition.BlockOf[state];
            if (!groups.TryGetValue(block, out var bySignature))
                groups.Add(block, bySignature = new Dictionary<int[], List<int>>(IntArrayComparer.Instance));
            if (!bySignature.TryGetValue(signature, out var members))
                bySignature.Add(signature, members = new List<int>());
            members.Add(state);
        }
        return groups;
    }

    // The members not examined, and those whose signature is still the block's, stay together; every other
    // signature group becomes a block. The largest part keeps the block's number and the others move.
    private static void SplitBlock(StatePartition partition, List<int[]?> blockSignature, int block,
        Dictionary<int[], List<int>> groups, List<int> moved)
    {
        var oldSignature = blockSignature[block];
        var examined = 0;
        foreach (var group in groups.Values)
            examined += group.Count;
        var staySize = partition.Size(block) - examined;
        if (oldSignature is not null && groups.TryGetValue(oldSignature, out var unchanged))
        {
            staySize += unchanged.Count;
            groups.Remove(oldSignature);
        }
        if (groups.Count == 0)
            return;

        KeyValuePair<int[], List<int>>? largest = null;
        foreach (var group in groups)
        {
            if (group.Value.Count > staySize && (largest is null || group.Value.Count > largest.Value.Value.Count))
                largest = group;
        }
        foreach (var group in groups)
        {
            if (largest is { } keep && ReferenceEquals(group.Key, keep.Key))
                continue;
            blockSignature.Add(group.Key);
            partition.Split(group.Value);
            moved.AddRange(group.Value);
        }
        if (largest is not { } kept)
            return;
        // A changed group is the largest part: it keeps the number and the unchanged members move.
        if (staySize > 0)
        {
            var keptMembers = new HashSet<int>(kept.Value);
            var stay = partition.Members(block).Where(s => !keptMembers.Contains(s)).ToList();
            blockSignature.Add(oldSignature);
            partition.Split(stay);
            moved.AddRange(stay);
        }
        blockSignature[block] = kept.Key;
    }

    private static SymbolicDfa Quotient(SymbolicDfa dfa, int[] block, int blockCount)
    {
        var accepting = new bool[blockCount];
        var tools = new int[blockCount][];
        var targets = new int[blockCount][];
        var defaults = new int[blockCount];
        var done = new bool[blockCount];
        for (var s = 0; s < dfa.StateCount; s++)
        {
            var b = block[s];
            if (done[b])
                continue;
            done[b] = true;
            accepting[b] = dfa.Accepting[s];
            defaults[b] = StateSignature.BlockOf(dfa.DefaultTargets[s], block);
            var keptTools = new List<int>();
            var keptTargets = new List<int>();
            for (var i = 0; i < dfa.ExplicitTools[s].Length; i++)
            {
                var target = StateSignature.BlockOf(dfa.ExplicitTargets[s][i], block);
                if (target == defaults[b])
                    continue;
                keptTools.Add(dfa.ExplicitTools[s][i]);
                keptTargets.Add(target);
            }
            tools[b] = keptTools.ToArray();
            targets[b] = keptTargets.ToArray();
        }
        return new SymbolicDfa(StateSignature.BlockOf(dfa.Start, block), accepting, tools, targets, defaults);
    }

    /// <summary>Reverse edges, default transitions included, as linked lists over an edge pool.</summary>
    private sealed class Predecessors
    {
        private readonly int[] _head;
        private readonly List<int> _next = new();
        private readonly List<int> _source = new();

        public Predecessors(SymbolicDfa dfa)
        {
            _head = new int[dfa.StateCount];
            for (var s = 0; s < _head.Length; s++)
                _head[s] = -1;
            for (var s = 0; s < dfa.StateCount; s++)
            {
                Add(s, dfa.DefaultTargets[s]);
                foreach (var target in dfa.ExplicitTargets[s])
                    Add(s, target);
            }
        }

        /// <summary>The first reverse edge into <paramref name="state"/>, or -1.</summary>
        public int First(int state) => _head[state];

        /// <summary>The next reverse edge into the same state, or -1.</summary>
        public int Next(int edge) => _next[edge];

        /// <summary>The state the edge comes from.</summary>
        public int Source(int edge) => _source[edge];

        private void Add(int from, int to)
        {
            if (to < 0)
                return;
            _source.Add(from);
            _next.Add(_head[to]);
            _head[to] = _source.Count - 1;
        }
    }
}
