using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Trajeckt.Enforcement;
using Trajeckt.Sessions;

namespace Trajeckt;

/// <summary>A session's state as data: <see cref="Snapshot"/> and <see cref="TryRestore(Commitment, ReadOnlySpan{byte}, out TrajecktSession?, out string?, TrajecktOptions?, ILoggerFactory?)"/> (issue 13).</summary>
public sealed partial class TrajecktSession
{
    // Completions that reported labels or an origin: with the steps, they make the state's version.
    private long _reports;

    // The session's lock is its enforcer, which only the session references: a lock object of its own
    // would add 32 B to every idle session (issue 13), and an uncontended monitor costs about the same.
    private object _gate => _enforcer;

    /// <summary>
    /// The state's version: it grows with every event that can change the state (each decision,
    /// authorization, observed input, and completion that reported its output), so of two snapshots of
    /// one conversation the later has the higher version. Stores compare-and-set on it.
    /// </summary>
    public long StateVersion
    {
        get
        {
            lock (_gate)
                return _steps + _reports;
        }
    }

    /// <summary>
    /// Writes the session's whole state (graph digest, plan state, taint, integrity, counters, pending
    /// authorizations, halted flag, version) in its compact binary form, checksummed. Restore it with
    /// <see cref="TryRestore(Commitment, ReadOnlySpan{byte}, out TrajecktSession?, out string?, TrajecktOptions?, ILoggerFactory?)"/>.
    /// The checksum detects corruption, not forgery: state that leaves the service goes through
    /// <see cref="SessionStateProtector"/>.
    /// </summary>
    /// <returns>The state; the recent-decision log and the session id are not part of it.</returns>
    /// <exception cref="InvalidOperationException">The session enforces no commitment (heuristic or refusing sessions have no state to carry).</exception>
    public byte[] Snapshot()
    {
        if (_enforcer is not GraphEnforcer graph)
            throw new InvalidOperationException("Only a session that enforces a commitment has a state to snapshot.");
        var writer = new StateWriter();
        SessionStateFormat.WriteHeader(writer, graph.Commitment.Digest);
        lock (_gate)
        {
            writer.Varint(_steps + _reports);
            writer.Varint(_steps);
            writer.Varint(_reports);
            writer.Byte(_halted ? (byte)1 : (byte)0);
            if (_halted)
            {
                writer.Varint(_haltStep);
                writer.Byte((byte)_haltReason);
            }
            graph.WriteState(writer);
        }
        return SessionStateFormat.Seal(writer);
    }

    /// <summary>
    /// Creates a session that enforces <paramref name="commitment"/> from the state a
    /// <see cref="Snapshot"/> wrote. Refuses (returns <see langword="false"/> with the reason) a state
    /// of an unknown format version, of another commitment (graph digest), altered or truncated, or
    /// whose fields do not fit the graph; it never throws on bad bytes.
    /// </summary>
    /// <param name="commitment">The commitment the state must belong to.</param>
    /// <param name="state">The state's bytes.</param>
    /// <param name="session">The restored session, or <see langword="null"/>.</param>
    /// <param name="error">Why the state was refused, or <see langword="null"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="loggerFactory">Where audit log events go; <see langword="null"/> for none.</param>
    /// <returns>Whether the state was restored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commitment"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are contradictory or invalid.</exception>
    public static bool TryRestore(
        Commitment commitment,
        ReadOnlySpan<byte> state,
        [NotNullWhen(true)] out TrajecktSession? session,
        [NotNullWhen(false)] out string? error,
        TrajecktOptions? options = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        options = ValidOptions(options);
        session = null;
        try
        {
            if (!SessionStateFormat.TryOpen(state, commitment.Digest, out var body, out error))
                return false;
            var restored = new TrajecktSession(new GraphEnforcer(commitment), options, loggerFactory);
            if (!restored.TryReadState(body, out error))
                return false;
            session = restored;
            return true;
        }
        catch (Exception e)
        {
            // Decoding is written not to throw; should it, the state is refused, never half restored.
            error = $"state_malformed: the state could not be read ({e.GetType().Name}).";
            return false;
        }
    }

    /// <summary>A refused decision made outside any session (a store that cannot decide); it belongs to the refusing session.</summary>
    internal static Decision Refusal(string? toolName, DecisionReason reason, string message) =>
        new(s_refusing.Value, 0, toolName, reason, message);

    /// <summary>Applies what an allowed call reported about its output, by tool and step: <see cref="Complete"/> for a session restored after the decision.</summary>
    internal void ApplyReported(string? toolName, long step, Trust? reportedOrigin, IReadOnlyList<string>? reportedLabels)
    {
        lock (_gate)
        {
            try
            {
                _enforcer.ApplyReported(toolName, step, reportedOrigin, reportedLabels);
            }
            catch (Exception)
            {
                // As Complete: output that cannot be recorded is assumed untrusted and labelled.
                _enforcer.AssumeWorstOutput(toolName, step);
            }
            _reports++;
            LogReport(step, reportedOrigin, reportedLabels);
        }
    }

    private bool TryReadState(ReadOnlySpan<byte> body, [NotNullWhen(false)] out string? error)
    {
        var reader = new StateReader(body);
        if (!reader.TryVarint(long.MaxValue, out var version) || !reader.TryVarint(version, out _steps)
            || !reader.TryVarint(version, out _reports) || _steps + _reports != version)
            return SessionStateFormat.Fail("the version and counters disagree", out error);
        if (!reader.TryByte(out var halted) || halted > 1)
            return SessionStateFormat.Fail("the halted flag is malformed", out error);
        if (halted == 1)
        {
            if (!reader.TryVarint(_steps, out _haltStep) || !reader.TryByte(out var reason)
                || reason == 0 || !Enum.IsDefined((DecisionReason)reason))
                return SessionStateFormat.Fail("the halt is malformed", out error);
            _halted = true;
            _haltReason = (DecisionReason)reason;
        }
        var graph = (GraphEnforcer)_enforcer;
        if (!graph.TryReadState(ref reader, _steps, out var detail))
            return SessionStateFormat.Fail(detail, out error);
        if (!reader.AtEnd)
            return SessionStateFormat.Fail("bytes follow the state", out error);
        error = null;
        return true;
    }
}
