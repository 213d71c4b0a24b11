using Microsoft.Extensions.Logging.Abstractions;
using Trajeckt.Traj;

namespace Trajeckt.Replay;

/// <summary>
/// Replays recorded traces against a compiled trajectory through the runtime's own sessions: each
/// trace gets one fresh <see cref="TrajecktSession"/>, and each event becomes the calls an
/// application makes (<see cref="TrajecktSession.Begin(string)"/> then
/// <see cref="TrajecktSession.Complete"/>, <see cref="TrajecktSession.Authorize"/>,
/// <see cref="TrajecktSession.ObserveInput"/>). Nothing here re-implements the semantics.
/// </summary>
/// <remarks>
/// The trajectory is enforced as if its seal had been verified, in a session that never leaves the
/// runner: replay tests a policy; it does not install one.
/// </remarks>
public sealed class TraceRunner
{
    private readonly CompiledTrajectory _trajectory;

    /// <summary>Creates a runner for one compiled trajectory.</summary>
    /// <param name="trajectory">The trajectory to enforce (or, in heuristic mode, whose tool effects to use).</param>
    /// <exception cref="ArgumentNullException"><paramref name="trajectory"/> is <see langword="null"/>.</exception>
    public TraceRunner(CompiledTrajectory trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        _trajectory = trajectory;
    }

    /// <summary>
    /// Validates a whole trace file, then replays it: an invalid trace throws before the first result,
    /// so a caller never shows half a run. Reads the file twice, each time one line at a time.
    /// </summary>
    /// <param name="path">The trace file (UTF-8 JSON Lines).</param>
    /// <param name="heuristic">
    /// Whether to run with no graph, in heuristic mode, taking tool effects from the trajectory; the
    /// trace's <c>heuristic</c> option also asks for it.
    /// </param>
    /// <returns>One result per step, lazily; enumerating it again replays the file again in a new session.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="TraceFormatException">(On enumeration) the trace is invalid; no result was returned.</exception>
    /// <exception cref="IOException">(On enumeration) the file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">(On enumeration) the file cannot be read.</exception>
    public IEnumerable<ReplayResult> RunFile(string path, bool heuristic = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ValidateThenRun(path, heuristic);
    }

    /// <summary>
    /// Replays a trace as it is read. A line that turns out invalid throws when reached, after the
    /// results before it; use <see cref="RunFile"/> or <see cref="TraceReader.Validate"/> first to
    /// reject an invalid trace before any result.
    /// </summary>
    /// <param name="trace">The trace, positioned at its start.</param>
    /// <param name="heuristic">Whether to run in heuristic mode even if the trace's options do not ask for it.</param>
    /// <returns>One result per step, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trace"/> is <see langword="null"/>.</exception>
    /// <exception cref="TraceFormatException">(On enumeration) a line of the trace is invalid.</exception>
    public IEnumerable<ReplayResult> Run(TraceReader trace, bool heuristic = false)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return RunEvents(trace, heuristic);
    }

    /// <summary>The fresh session a trace with <paramref name="options"/> runs in.</summary>
    /// <remarks>
    /// Its logger is the null one: a replayed shadow run is the tool's own business, not a deployment in
    /// shadow mode, so it must not raise the standard-error notice an unlogged shadow session does.
    /// </remarks>
    private TrajecktSession CreateSession(TraceOptions options, bool heuristic, bool shadow = false)
    {
        var onViolation = options.HaltOnViolation ? ViolationBehavior.Halt : ViolationBehavior.Refuse;
        if (heuristic || options.Heuristic)
        {
            var uncommitted = new TrajecktOptions { RequireCommitment = false, AllowUncommitted = true, OnViolation = onViolation, Shadow = shadow };
            return TrajecktSession.CreateHeuristic(_trajectory.Graph, uncommitted, NullLoggerFactory.Instance);
        }
        var commitment = Commitment.FromVerifiedGraph(_trajectory.Graph, _trajectory.Encoding);
        return TrajecktSession.Create(commitment, new TrajecktOptions { OnViolation = onViolation, Shadow = shadow }, NullLoggerFactory.Instance);
    }

    /// <summary>Replays one event in <paramref name="session"/> as an application would.</summary>
    private static ReplayResult Replay(TrajecktSession session, TraceEvent traceEvent)
    {
        switch (traceEvent.Kind)
        {
            case TraceEventKind.Input:
                session.ObserveInput(traceEvent.Trust!.Value);
                return new ReplayResult(traceEvent, ReplayDecision.Input, reason: null, message: null);
            case TraceEventKind.Authorize:
                var authorization = session.Authorize(traceEvent.Tool!, traceEvent.Trust!.Value);
                return new ReplayResult(traceEvent, authorization.IsAccepted ? ReplayDecision.Accepted : ReplayDecision.Rejected,
                    authorization.Code, authorization.Message);
            default:
                var decision = session.Begin(traceEvent.Tool!);
                // The tool "ran" only if allowed; what it reported about its output applies only then.
                session.Complete(in decision, traceEvent.Origin, traceEvent.Labels);
                // A call a shadow session let through replays as the refusal it would have been.
                if (decision.WouldRefuse)
                    return new ReplayResult(traceEvent, ReplayDecision.Deny, ReasonCodes.ToCode(decision.WouldRefuseReason), decision.Message);
                return new ReplayResult(traceEvent, decision.IsAllowed ? ReplayDecision.Allow : ReplayDecision.Deny,
                    decision.Code, decision.Message);
        }
    }

    private IEnumerable<ReplayResult> ValidateThenRun(string path, bool heuristic)
    {
        TraceReader.ValidateFile(path);
        using var trace = TraceReader.Open(path);
        foreach (var result in RunEvents(trace, heuristic))
            yield return result;
    }

    private IEnumerable<ReplayResult> RunEvents(TraceReader trace, bool heuristic)
    {
        var options = trace.ReadOptions();
        var session = CreateSession(options, heuristic);
        // A decision log interleaves sessions: each session id replays in a fresh session of its own.
        Dictionary<string, TrajecktSession>? logged = null;
        while (trace.Read() is { } traceEvent)
        {
            var target = session;
            if (traceEvent.Session is { } id)
            {
                logged ??= new Dictionary<string, TrajecktSession>(StringComparer.Ordinal);
                if (!logged.TryGetValue(id, out target))
                    logged.Add(id, target = CreateSession(options, heuristic, traceEvent.Shadow));
            }
            yield return Replay(target, traceEvent);
        }
    }
}
