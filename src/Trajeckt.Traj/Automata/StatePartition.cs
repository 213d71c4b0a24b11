namespace Trajeckt.Traj.Automata;

/// <summary>
/// A partition of states into blocks that can split off any subset of a block in time proportional to
/// the subset, not the block: blocks are contiguous ranges of one permutation of the states.
/// </summary>
internal sealed class StatePartition
{
    private readonly int[] _elements;
    private readonly int[] _location;
    private readonly List<int> _start = new();
    private readonly List<int> _end = new();

    /// <summary>Starts with one block per distinct value of <paramref name="initialBlock"/> (values 0..count-1).</summary>
    public StatePartition(int[] initialBlock, int blockCount)
    {
        BlockOf = (int[])initialBlock.Clone();
        _elements = new int[initialBlock.Length];
        _location = new int[initialBlock.Length];
        var sizes = new int[blockCount];
        foreach (var block in initialBlock)
            sizes[block]++;
        var next = 0;
        for (var block = 0; block < blockCount; block++)
        {
            _start.Add(next);
            next += sizes[block];
            _end.Add(next);
        }
        var fill = _start.ToArray();
        for (var state = 0; state < initialBlock.Length; state++)
        {
            _location[state] = fill[initialBlock[state]];
            _elements[fill[initialBlock[state]]++] = state;
        }
    }

    /// <summary>Each state's block.</summary>
    public int[] BlockOf { get; }

    /// <summary>The number of blocks.</summary>
    public int BlockCount => _start.Count;

    public int Size(int block) => _end[block] - _start[block];

    /// <summary>The members of <paramref name="block"/>, in no particular order.</summary>
    public IEnumerable<int> Members(int block)
    {
        for (var i = _start[block]; i < _end[block]; i++)
            yield return _elements[i];
    }

    /// <summary>Moves <paramref name="members"/> (all in one block, not all of it) into a new block and returns it.</summary>
    public int Split(IReadOnlyList<int> members)
    {
        var block = BlockOf[members[0]];
        var newBlock = _start.Count;
        foreach (var state in members)
        {
            var last = --_end[block];
            var moved = _elements[last];
            var at = _location[state];
            _elements[at] = moved;
            _location[moved] = at;
            _elements[last] = state;
            _location[state] = last;
            BlockOf[state] = newBlock;
        }
        _start.Add(_end[block]);
        _end.Add(_end[block] + members.Count);
        return newBlock;
    }
}
