namespace Trajeckt.Traj.Automata;

/// <summary>Compares int arrays by content, so that state sets and signatures can key dictionaries.</summary>
internal sealed class IntArrayComparer : IEqualityComparer<int[]>
{
    public static IntArrayComparer Instance { get; } = new();

    private IntArrayComparer()
    {
    }

    public bool Equals(int[]? x, int[]? y)
    {
        if (ReferenceEquals(x, y))
            return true;
        if (x is null || y is null || x.Length != y.Length)
            return false;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] != y[i])
                return false;
        }
        return true;
    }

    public int GetHashCode(int[] values)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var value in values)
                hash = (hash ^ value) * 16777619;
            return hash;
        }
    }
}
