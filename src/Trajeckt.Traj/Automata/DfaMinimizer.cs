namespace Trajeckt.Traj.Automata;

/// <summary>
/// Merges equivalent states of a dead-state-free <see cref="SymbolicDfa"/> by Moore's partition
/// refinement. A round costs time in the number of explicit transitions, not states times tools: a
/// state's signature lists only the transitions whose target block differs from a reference tool's.
/// </summary>
internal static class DfaMinimizer
{
    /// <summary>Returns the quotient automaton: one state per equivalence class, numbered by first member.</summary>
    public static SymbolicDfa Minimize(SymbolicDfa dfa, int toolCount)
    {
        var reference = LeastExplicitTool(dfa, toolCount);
        var block = new int[dfa.StateCount];
        var blockCount = InitialPartition(dfa, block);
        while (true)
        {
            var refined = new int[dfa.StateCount];
            var refinedCount = Refine(dfa, toolCount, reference, block, refined);
            block = refined;
            if (refinedCount == blockCount)
                break;
            blockCount = refinedCount;
        }
        return Quotient(dfa, block, blockCount);
    }

    // Signatures are written relative to one reference tool's target. Different states may split the
    // same row differently between default and explicit transitions; the reference tool's target is a
    // function of the row alone. A tool no state names explicitly makes that free (it always takes the
    // default); otherwise the tool named by fewest states keeps the extra work small.
    private static int LeastExplicitTool(SymbolicDfa dfa, int toolCount)
    {
        if (toolCount == 0)
            return 0;
        var mentions = new int[toolCount];
        foreach (var tools in dfa.ExplicitTools)
        {
            foreach (var tool in tools)
                mentions[tool]++;
        }
        var least = 0;
        for (var tool = 1; tool < toolCount && mentions[least] > 0; tool++)
        {
            if (mentions[tool] < mentions[least])
                least = tool;
        }
        return least;
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

    private static int Refine(SymbolicDfa dfa, int toolCount, int reference, int[] block, int[] refined)
    {
        var ids = new Dictionary<int[], int>(IntArrayComparer.Instance);
        var signature = new List<int>();
        for (var s = 0; s < dfa.StateCount; s++)
        {
            WriteSignature(dfa, toolCount, reference, block, s, signature);
            var key = signature.ToArray();
            if (!ids.TryGetValue(key, out var id))
            {
                id = ids.Count;
                ids.Add(key, id);
            }
            refined[s] = id;
        }
        return ids.Count;
    }

    // [own block, the reference tool's target block, then (tool, block) for every tool whose target block
    // differs from it, ascending]: two states agree on it exactly when they are in the same block and
    // every tool leads them into the same block.
    private static void WriteSignature(SymbolicDfa dfa, int toolCount, int reference, int[] block, int state, List<int> signature)
    {
        var tools = dfa.ExplicitTools[state];
        var targets = dfa.ExplicitTargets[state];
        var defaultBlock = BlockOf(dfa.DefaultTargets[state], block);
        var referenceIndex = Array.BinarySearch(tools, reference);
        var referenceBlock = referenceIndex >= 0 ? BlockOf(targets[referenceIndex], block) : defaultBlock;
        signature.Clear();
        signature.Add(block[state]);
        signature.Add(referenceBlock);
        // Only when the reference tool is explicit can the default differ from it; then the tools that
        // take the default must be listed one by one.
        var listDefaults = referenceIndex >= 0 && defaultBlock != referenceBlock && tools.Length < toolCount;
        var explicitIndex = 0;
        if (!listDefaults)
        {
            for (; explicitIndex < tools.Length; explicitIndex++)
                AddIfDifferent(tools[explicitIndex], BlockOf(targets[explicitIndex], block));
            return;
        }
        for (var tool = 0; tool < toolCount; tool++)
        {
            if (explicitIndex < tools.Length && tools[explicitIndex] == tool)
                AddIfDifferent(tool, BlockOf(targets[explicitIndex++], block));
            else
                AddIfDifferent(tool, defaultBlock);
        }

        void AddIfDifferent(int tool, int targetBlock)
        {
            if (targetBlock == referenceBlock)
                return;
            signature.Add(tool);
            signature.Add(targetBlock);
        }
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
