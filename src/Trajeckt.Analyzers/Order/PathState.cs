using System;
using System.Collections.Generic;
using System.Linq;
using Trajeckt.Traj.Semantics;

namespace Trajeckt.Analyzers.Order;

/// <summary>
/// What one path through a method knows of the session: a set of hypotheses (for example one per plan
/// state the method may be entered in), each a <see cref="StaticSessionState"/>, all of which must refuse a
/// call before the path counts as refusing it; and the finally continuation the path is in.
/// </summary>
internal sealed class PathState : IEquatable<PathState>
{
    private readonly int _hash;

    public PathState(IReadOnlyList<StaticSessionState> hypotheses, Continuation? continuation)
    {
        Hypotheses = hypotheses;
        Continuation = continuation;
        var hash = Continuation.Hash(continuation);
        foreach (var hypothesis in hypotheses)
            hash = unchecked((hash * 31) + hypothesis.GetHashCode());
        _hash = hash;
    }

    /// <summary>Distinct, in a canonical order.</summary>
    public IReadOnlyList<StaticSessionState> Hypotheses { get; }

    public Continuation? Continuation { get; }

    public static PathState Of(IEnumerable<StaticSessionState> hypotheses, Continuation? continuation) =>
        new(hypotheses.Distinct().OrderBy(h => h.Frontier).ThenBy(h => h.Integrity).ThenBy(h => h.AuthorizationMayBePending)
            .ThenBy(h => string.Join(",", h.Taint)).ToArray(), continuation);

    public PathState With(Continuation? continuation) => new(Hypotheses, continuation);

    public bool Equals(PathState? other) =>
        other is not null && other._hash == _hash && Continuation.AreEqual(other.Continuation, Continuation)
        && other.Hypotheses.SequenceEqual(Hypotheses);

    public override bool Equals(object? obj) => Equals(obj as PathState);

    public override int GetHashCode() => _hash;
}
