using System;
using System.Collections.Generic;
using System.Linq;

namespace Trajeckt.Traj.Semantics;

/// <summary>
/// What a static analysis knows of a session before a call (docs/semantics.md): the plan frontier, the
/// labels that are surely in the taint, an upper bound of the integrity, and whether an authorization
/// may be pending. Immutable, with value equality, so analyses can keep sets of states.
/// </summary>
/// <remarks>
/// The state under-approximates taint and over-approximates integrity: the session's real taint holds at
/// least these labels and its real integrity is at most this level. A refusal found from such a state is
/// therefore a refusal of the real session, which is what lets an analysis report it.
/// </remarks>
public sealed class StaticSessionState : IEquatable<StaticSessionState>
{
    private readonly int[] _taint;
    private readonly int _hash;

    /// <summary>Creates a state.</summary>
    /// <param name="frontier">The state of the plan automaton.</param>
    /// <param name="taint">Indices into <see cref="Graph.CompiledGraph.Labels"/> of the labels in the taint; order and repeats do not matter.</param>
    /// <param name="integrity">The session's integrity.</param>
    /// <param name="authorizationMayBePending">Whether an authorization may be pending, in which case no floor refusal is certain.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frontier"/> or a label index is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="taint"/> is <see langword="null"/>.</exception>
    public StaticSessionState(int frontier, IEnumerable<int> taint, Trust integrity, bool authorizationMayBePending)
    {
        if (frontier < 0)
            throw new ArgumentOutOfRangeException(nameof(frontier));
        if (taint is null)
            throw new ArgumentNullException(nameof(taint));
        _taint = taint.Distinct().OrderBy(l => l).ToArray();
        if (_taint.Length > 0 && _taint[0] < 0)
            throw new ArgumentOutOfRangeException(nameof(taint));
        Frontier = frontier;
        Integrity = integrity;
        AuthorizationMayBePending = authorizationMayBePending;
        var hash = (frontier * 397) ^ ((int)integrity * 31) ^ (authorizationMayBePending ? 1 : 0);
        foreach (var label in _taint)
            hash = unchecked((hash * 31) + label);
        _hash = hash;
    }

    /// <summary>A fresh session: frontier 0, no taint, integrity <see cref="Trust.TrustedUser"/>, no authorization.</summary>
    public static StaticSessionState Initial { get; } = new(0, Array.Empty<int>(), Trust.TrustedUser, authorizationMayBePending: false);

    /// <summary>The state of the plan automaton.</summary>
    public int Frontier { get; }

    /// <summary>The label indices in the taint, ascending.</summary>
    public IReadOnlyList<int> Taint => _taint;

    /// <summary>The session's integrity.</summary>
    public Trust Integrity { get; }

    /// <summary>Whether an authorization may be pending (then a floor check may pass through it).</summary>
    public bool AuthorizationMayBePending { get; }

    /// <summary>This state with another frontier.</summary>
    /// <param name="frontier">The new frontier.</param>
    /// <returns>The new state.</returns>
    public StaticSessionState WithFrontier(int frontier) =>
        frontier == Frontier ? this : new StaticSessionState(frontier, _taint, Integrity, AuthorizationMayBePending);

    /// <summary>This state after an input of trust <paramref name="trust"/> entered the context: <c>I := min(I, T)</c>.</summary>
    /// <param name="trust">The input's trust.</param>
    /// <returns>The new state.</returns>
    public StaticSessionState AfterInput(Trust trust) =>
        trust >= Integrity ? this : new StaticSessionState(Frontier, _taint, trust, AuthorizationMayBePending);

    /// <summary>This state after something that may have authorized a floored tool.</summary>
    /// <returns>The new state.</returns>
    public StaticSessionState AfterPossibleAuthorization() =>
        AuthorizationMayBePending ? this : new StaticSessionState(Frontier, _taint, Integrity, authorizationMayBePending: true);

    internal bool HasLabel(int label) => Array.BinarySearch(_taint, label) >= 0;

    /// <inheritdoc/>
    public bool Equals(StaticSessionState? other) =>
        other is not null && other._hash == _hash && other.Frontier == Frontier && other.Integrity == Integrity
        && other.AuthorizationMayBePending == AuthorizationMayBePending && other._taint.SequenceEqual(_taint);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as StaticSessionState);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;
}
