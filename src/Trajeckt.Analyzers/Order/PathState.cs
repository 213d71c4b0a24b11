using System;
using System.Collections.Generic;
using Trajeckt.Traj.Semantics;

namespace Trajeckt.Analyzers.Order;

/// <summary>
/// What one path through a method knows of the session: a set of hypotheses (for example one per plan
/// state the method may be entered in), each a <see cref="StaticSessionState"/>, all of which must refuse a
/// call before the path counts as refusing it; and the finally continuation the path is in.
/// </summary>
internal sealed class PathState : IEquatable<PathState>
{
    private readonly HashSet<StaticSessionState> _hypotheses;
    private readonly int _hash;

    private PathState(HashSet<StaticSessionState> hypotheses, Continuation? continuation)
    {
        _hypotheses = hypotheses;
        Continuation = continuation;
        // Order-independent: the hypotheses are a set.
        var hash = Continuation.Hash(continuation);
        foreach (var hypothesis in hypotheses)
            hash = unchecked(hash + hypothesis.GetHashCode());
        _hash = hash;
    }

    public IReadOnlyCollection<StaticSessionState> Hypotheses => _hypotheses;

    public Continuation? Continuation { get; }

    public static PathState Of(IEnumerable<StaticSessionState> hypotheses, Continuation? continuation) =>
        new(new HashSet<StaticSessionState>(hypotheses), continuation);

    public PathState With(Continuation? continuation) => new(_hypotheses, continuation);

    public bool Equals(PathState? other) =>
        other is not null && other._hash == _hash && Continuation.AreEqual(other.Continuation, Continuation)
        && other._hypotheses.SetEquals(_hypotheses);

    public override bool Equals(object? obj) => Equals(obj as PathState);

    public override int GetHashCode() => _hash;
}
