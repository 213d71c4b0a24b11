namespace Trajeckt.Traj.Automata;

/// <summary>
/// Merges equivalent states of a dead-state-free <see cref="SymbolicDfa"/> by Moore's partition
/// refinement. A round costs time in the number of explicit transitions, not states times tools: a
/// state's signature lists only the explicit transitions whose target block differs from its default's.
/// </summary>
internal static class DfaMinimizer
{
    /// <summary>Returns the quotient automaton: one state per equivalence class, numbered by first member.</summary>
    public static SymbolicDfa Minimize(SymbolicDfa dfa)
    {
        var block = new int[dfa.StateCount];
        var blockCount = InitialPartition(dfa, block);
        while (true)
        {
            var refined = new int[dfa.StateCount];
            var refinedCount = Refine(dfa, block, refined);
            block = refined;
            if (refinedCount == blockCount)
                break;
            blockCount = refinedCount;
        }
        return Quotient(dfa, block, blockCount);
    }

    private static int InitialPartition(SymbolicDfa dfa, int[] block)
    {
        int acceptingBlock = -1, rejectingBlock = -1, count = 0;
        for (var s = 0; s < dfa.StateCount; s++)
        {
            ref var id = ref dfa.Accepting[s] ? ref acceptingBlock : ref rejectingBlock;
            if (id < 0)
                id = count++;
            block[s] = id;
        }
        return count;
    }

    private static int Refine(SymbolicDfa dfa, int[] block, int[] refined)
    {
        var ids = new Dictionary<int[], int>(IntArrayComparer.Instance);
        for (var s = 0; s < dfa.StateCount; s++)
        {
            var signature = Signature(dfa, block, s);
            if (!ids.TryGetValue(signature, out var id))
            {
                id = ids.Count;
                ids.Add(signature, id);
            }
            refined[s] = id;
        }
        return ids.Count;
    }

    // [own block, default's block, then (tool, block) for each explicit transition that differs from the
    // default]: two states agree on it exactly when every tool leads them into the same block.
    private static int[] Signature(SymbolicDfa dfa, int[] block, int state)
    {
        var defaultBlock = BlockOf(dfa.DefaultTargets[state], block);
        var tools = dfa.ExplicitTools[state];
        var targets = dfa.ExplicitTargets[state];
        var signature = new List<int>(2 + 2 * tools.Length) { block[state], defaultBlock };
        for (var i = 0; i < tools.Length; i++)
        {
            var targetBlock = BlockOf(targets[i], block);
            if (targetBlock == defaultBlock)
                continue;
            signature.Add(tools[i]);
            signature.Add(targetBlock);
        }
        return signature.ToArray();
    }

    private static int BlockOf(int state, int[] block) => state < 0 ? -1 : block[state];

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
            defaults[b] = BlockOf(dfa.DefaultTargets[s], block);
            var keptTools = new List<int>();
            var keptTargets = new List<int>();
            for (var i = 0; i < dfa.ExplicitTools[s].Length; i++)
            {
                var target = BlockOf(dfa.ExplicitTargets[s][i], block);
                if (target == defaults[b])
                    continue;
                keptTools.Add(dfa.ExplicitTools[s][i]);
                keptTargets.Add(target);
            }
            tools[b] = keptTools.ToArray();
            targets[b] = keptTargets.ToArray();
        }
        return new SymbolicDfa(BlockOf(dfa.Start, block), accepting, tools, targets, defaults);
    }
}
