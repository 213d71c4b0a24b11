namespace Trajeckt.Traj.Automata;

/// <summary>
/// What a state's row looks like in terms of target blocks, in a form that is equal for two states
/// exactly when every tool leads them into the same block: the block of a reference column, then
/// (tool, block) for each tool whose block differs from it, ascending.
/// </summary>
/// <remarks>
/// States may split the same row differently between default and explicit transitions, so the default
/// alone is not a canonical reference. The reference is either the default itself, when every default
/// is a refusal (then rows are plain partial functions), or one tool's column: a tool no state names
/// explicitly always takes the default, and otherwise the tool named by fewest states keeps the rows that
/// must be listed in full (where that tool is explicit and the default differs from it) rare.
/// </remarks>
internal static class StateSignature
{
    /// <summary>The reference column for <paramref name="dfa"/>: a tool index, or -1 for the default.</summary>
    public static int ChooseReference(SymbolicDfa dfa, int toolCount)
    {
        if (toolCount == 0 || Array.TrueForAll(dfa.DefaultTargets, target => target < 0))
            return -1;
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

    /// <summary>The signature of <paramref name="state"/> under the block assignment <paramref name="blockOf"/> (-1 stays -1).</summary>
    public static int[] Compute(SymbolicDfa dfa, int toolCount, int reference, int[] blockOf, int state)
    {
        var tools = dfa.ExplicitTools[state];
        var targets = dfa.ExplicitTargets[state];
        var defaultBlock = BlockOf(dfa.DefaultTargets[state], blockOf);
        var referenceIndex = reference < 0 ? -1 : Array.BinarySearch(tools, reference);
        var referenceBlock = referenceIndex >= 0 ? BlockOf(targets[referenceIndex], blockOf) : defaultBlock;
        var signature = new List<int>(1 + 2 * tools.Length) { referenceBlock };
        // Only when the reference tool is explicit can the default differ from it; then the tools that
        // take the default are listed one by one.
        var listDefaults = referenceIndex >= 0 && defaultBlock != referenceBlock && tools.Length < toolCount;
        if (!listDefaults)
        {
            for (var i = 0; i < tools.Length; i++)
                AddIfDifferent(tools[i], BlockOf(targets[i], blockOf));
            return signature.ToArray();
        }
        var explicitIndex = 0;
        for (var tool = 0; tool < toolCount; tool++)
        {
            if (explicitIndex < tools.Length && tools[explicitIndex] == tool)
                AddIfDifferent(tool, BlockOf(targets[explicitIndex++], blockOf));
            else
                AddIfDifferent(tool, defaultBlock);
        }
        return signature.ToArray();

        void AddIfDifferent(int tool, int targetBlock)
        {
            if (targetBlock == referenceBlock)
                return;
            signature.Add(tool);
            signature.Add(targetBlock);
        }
    }

    public static int BlockOf(int state, int[] blockOf) => state < 0 ? -1 : blockOf[state];
}
