using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Trajeckt.Analyzers.Order;

/// <summary>
/// Where a path goes when the finally block it is running ends: on through the next finally of the branch
/// that left the try, then to the branch's destination; or, for an exception, to the next enclosing finally.
/// An immutable stack, because finally blocks nest.
/// </summary>
internal sealed class Continuation
{
    private Continuation(ControlFlowBranch? branch, int finallyIndex, Continuation? next)
    {
        Branch = branch;
        FinallyIndex = finallyIndex;
        Next = next;
    }

    /// <summary>The branch being completed, or <see langword="null"/> while an exception propagates.</summary>
    public ControlFlowBranch? Branch { get; }

    /// <summary>Which of <see cref="ControlFlowBranch.FinallyRegions"/> runs now.</summary>
    public int FinallyIndex { get; }

    public Continuation? Next { get; }

    public static Continuation Exception { get; } = new(null, 0, null);

    public static Continuation Push(ControlFlowBranch branch, int finallyIndex, Continuation? next) => new(branch, finallyIndex, next);

    public static bool AreEqual(Continuation? a, Continuation? b)
    {
        while (a is not null && b is not null)
        {
            if (!ReferenceEquals(a.Branch, b.Branch) || a.FinallyIndex != b.FinallyIndex)
                return false;
            a = a.Next;
            b = b.Next;
        }
        return a is null && b is null;
    }

    public static int Hash(Continuation? c)
    {
        var hash = 17;
        for (; c is not null; c = c.Next)
            hash = unchecked((hash * 31) + (c.Branch is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(c.Branch)) + c.FinallyIndex);
        return hash;
    }
}
