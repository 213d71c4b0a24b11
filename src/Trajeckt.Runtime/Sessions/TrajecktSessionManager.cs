using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Trajeckt.Sessions;

/// <summary>
/// Sessions that live in a <see cref="ITrajecktSessionStore"/>, keyed by a session key (a conversation
/// id, an MCP session id), so any request on any replica continues the same session. Each event is
/// linearizable: it loads the latest state, decides with <see cref="TrajecktSession"/>'s own code, and
/// compare-and-sets the new state on its version, retrying on conflict. Two replicas therefore never
/// both spend the last unit of a budget or one authorization, and no taint is lost. Whatever goes
/// wrong with the store refuses the call (<c>store_unavailable</c>, <c>state_invalid</c>); nothing is
/// allowed undecided.
/// </summary>
public sealed class TrajecktSessionManager
{
    private readonly Commitment _commitment;
    private readonly ITrajecktSessionStore _store;
    private readonly TrajecktOptions? _sessionOptions;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ILogger _logger;
    private readonly int _maxAttempts;
    private readonly TimeSpan _timeout;
    private readonly bool _requireStarted;

    // Completions and inputs this replica could not write: applied, in order, before it decides
    // anything else for that session, and dropped only once a write that contains them succeeded.
    private readonly ConcurrentDictionary<string, ImmutableArray<Action<TrajecktSession>>> _unwritten = new(StringComparer.Ordinal);

    /// <summary>Creates a manager.</summary>
    /// <param name="commitment">The commitment every session enforces; a stored state of another graph is refused.</param>
    /// <param name="store">Where the states live.</param>
    /// <param name="options">Retry bound and timeout; <see langword="null"/> for the defaults.</param>
    /// <param name="sessionOptions">The sessions' options (e.g. halting); <see langword="null"/> for the defaults.</param>
    /// <param name="loggerFactory">Where the sessions' audit events and the store's failures are logged.</param>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public TrajecktSessionManager(
        Commitment commitment,
        ITrajecktSessionStore store,
        TrajecktSessionManagerOptions? options = null,
        TrajecktOptions? sessionOptions = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(store);
        options ??= new TrajecktSessionManagerOptions();
        if (options.MaxAttempts < 1)
            throw new ArgumentException("MaxAttempts must be at least 1.", nameof(options));
        if (options.Timeout <= TimeSpan.Zero)
            throw new ArgumentException("Timeout must be positive.", nameof(options));
        // Validates the session options now rather than at the first call.
        TrajecktSession.Create(commitment, sessionOptions);
        _commitment = commitment;
        _store = store;
        _sessionOptions = sessionOptions;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory?.CreateLogger<TrajecktSessionManager>() ?? (ILogger)NullLogger.Instance;
        _maxAttempts = options.MaxAttempts;
        _timeout = options.Timeout;
        _requireStarted = options.RequireStartedSessions;
    }

    /// <summary>The commitment the sessions enforce.</summary>
    public Commitment Commitment => _commitment;

    /// <summary>The store the sessions live in.</summary>
    public ITrajecktSessionStore Store => _store;

    /// <summary>Decides a call of a declared tool in the session <paramref name="sessionKey"/> and, when it is allowed, commits it to the store.</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="tool">The tool's handle.</param>
    /// <param name="cancellationToken">Cancels the decision; a cancelled decision is a refusal.</param>
    /// <returns>The decision; pass it to <see cref="CompleteAsync"/> after the tool ran.</returns>
    public ValueTask<Decision> BeginAsync(string sessionKey, ToolId tool, CancellationToken cancellationToken = default) =>
        DecideAsync(sessionKey, tool.Name, session => session.Begin(tool), cancellationToken);

    /// <summary>Decides a call of a tool by name in the session <paramref name="sessionKey"/> and, when it is allowed, commits it to the store.</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="toolName">The tool's name.</param>
    /// <param name="cancellationToken">Cancels the decision; a cancelled decision is a refusal.</param>
    /// <returns>The decision; pass it to <see cref="CompleteAsync"/> after the tool ran.</returns>
    public ValueTask<Decision> BeginAsync(string sessionKey, string toolName, CancellationToken cancellationToken = default) =>
        DecideAsync(sessionKey, toolName, session => session.Begin(toolName), cancellationToken);

    /// <summary>
    /// Records what an allowed call's output carried (see <see cref="TrajecktSession.Complete"/>) in the
    /// stored session. Completes at once when nothing was reported: declared effects were committed
    /// with the decision.
    /// </summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="decision">The decision <see cref="BeginAsync(string, string, CancellationToken)"/> returned.</param>
    /// <param name="reportedOrigin">The trust of the output as the tool reported it, if any.</param>
    /// <param name="reportedLabels">Confidentiality labels the output carried beyond the declared ones, if any.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the report is stored.</returns>
    /// <exception cref="SessionStoreException">The report could not be stored; this replica stores it before its next decision for the session.</exception>
    public async ValueTask CompleteAsync(
        string sessionKey,
        Decision decision,
        Trust? reportedOrigin = null,
        IReadOnlyList<string>? reportedLabels = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        if (!decision.IsAllowed || (reportedOrigin is null && reportedLabels is null))
            return;
        string[]? labels;
        try
        {
            labels = reportedLabels?.ToArray();
        }
        catch (Exception)
        {
            // As TrajecktSession.Complete: output that cannot be recorded is untrusted and labelled.
            reportedOrigin = Trust.Untrusted;
            labels = ["(unrecorded output)"];
        }
        var toolName = decision.ToolName;
        var step = decision.Step;
        await WriteOrKeepAsync(sessionKey, session => session.ApplyReported(toolName, step, reportedOrigin, labels), "the output of " + toolName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Decides an authorization of a floored tool in the stored session (see <see cref="TrajecktSession.Authorize"/>).</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="tool">The tool to authorize.</param>
    /// <param name="by">The trust of the instruction that authorizes it.</param>
    /// <param name="cancellationToken">Cancels the authorization; a cancelled one is rejected.</param>
    /// <returns>The result; rejected with <c>store_unavailable</c> or <c>state_invalid</c> when the store could not decide.</returns>
    public async ValueTask<AuthorizationResult> AuthorizeAsync(string sessionKey, string tool, Trust by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        try
        {
            var outcome = await MutateAsync(sessionKey, session =>
            {
                var result = session.Authorize(tool, by);
                return (result, result.IsAccepted);
            }, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
                return outcome.Value;
            return new AuthorizationResult(0, tool, outcome.Failure, $"authorization rejected: {outcome.Message}");
        }
        catch (Exception e)
        {
            return new AuthorizationResult(0, tool, DecisionReason.StoreUnavailable, $"authorization rejected: {StoreFailed(sessionKey, e)}");
        }
    }

    /// <summary>Records in the stored session that content of trust <paramref name="trust"/> entered the agent's context (see <see cref="TrajecktSession.ObserveInput"/>).</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="trust">The content's trust.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the input is stored.</returns>
    /// <exception cref="SessionStoreException">The input could not be stored; this replica stores it before its next decision for the session.</exception>
    public ValueTask ObserveInputAsync(string sessionKey, Trust trust, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        return WriteOrKeepAsync(sessionKey, session => session.ObserveInput(trust), $"an input of trust {trust}", cancellationToken);
    }

    /// <summary>
    /// Stores a fresh session under <paramref name="sessionKey"/>, so that the store can tell a session
    /// that was started from one whose state was lost (see <see cref="TrajecktSessionManagerOptions.RequireStartedSessions"/>).
    /// The state records the start as one event, an input of <see cref="Trust.TrustedUser"/>, which
    /// changes nothing but the version (a fresh state has version 0, which no store holds).
    /// </summary>
    /// <param name="sessionKey">The new session's key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when the session was stored; <see langword="false"/> when a state is already stored under the key.</returns>
    /// <exception cref="SessionStoreException">The store failed.</exception>
    public async ValueTask<bool> StartAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        var session = TrajecktSession.Create(_commitment, _sessionOptions, _loggerFactory);
        session.ObserveInput(Trust.TrustedUser);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            return await _store.TryReplaceAsync(sessionKey, 0, new StoredSessionState(session.StateVersion, session.Snapshot()), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new SessionStoreException($"session '{sessionKey}' could not be started: {StoreFailed(sessionKey, e)}", e);
        }
    }

    /// <summary>
    /// Loads a copy of the stored session, to inspect (its decisions are not stored). A session that
    /// was never used is a fresh one.
    /// </summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The session.</returns>
    /// <exception cref="SessionStoreException">The store failed, or the stored state is invalid.</exception>
    public async ValueTask<TrajecktSession> LoadAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        StoredSessionState? stored;
        try
        {
            stored = await _store.LoadAsync(sessionKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new SessionStoreException(StoreFailed(sessionKey, e), e);
        }
        return TryOpen(stored, out var session, out var error) ? session : throw new SessionStoreException(error);
    }

    /// <summary>
    /// Stores a state that travelled outside the store (a serialized agent thread) as the session's
    /// state, unless the store already holds that version or a later one: a replayed older state is
    /// refused with <c>state_replayed</c>, and presenting the stored state again is a no-op.
    /// </summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="state">The state (verified with <see cref="SessionStateProtector"/> first when a client held it).</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns><see langword="null"/> when the state is the session's latest, otherwise why it was refused.</returns>
    public async ValueTask<string?> ImportAsync(string sessionKey, ReadOnlyMemory<byte> state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        if (!TrajecktSession.TryRestore(_commitment, state.Span, out var presented, out var invalid))
            return invalid;
        var version = presented.StateVersion;
        try
        {
            for (var attempt = 1; attempt <= _maxAttempts; attempt++)
            {
                var stored = await _store.LoadAsync(sessionKey, cancellationToken).ConfigureAwait(false);
                if (stored is not null && stored.Version >= version)
                {
                    return stored.Version == version && stored.State.Span.SequenceEqual(state.Span)
                        ? null
                        : $"state_replayed: the store holds version {stored.Version} of session '{sessionKey}', so version {version} is stale or forked.";
                }
                if (version < 1)
                    return null;
                if (await _store.TryReplaceAsync(sessionKey, stored?.Version ?? 0, new StoredSessionState(version, state.ToArray()), cancellationToken).ConfigureAwait(false))
                    return null;
            }
            return $"store_unavailable: session '{sessionKey}' kept changing during {_maxAttempts} attempts to import a state.";
        }
        catch (Exception e)
        {
            return StoreFailed(sessionKey, e);
        }
    }

    private async ValueTask<Decision> DecideAsync(string sessionKey, string? toolName, Func<TrajecktSession, Decision> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        try
        {
            var outcome = await MutateAsync(sessionKey, session =>
            {
                var wasHalted = session.IsHalted;
                var decision = decide(session);
                // A refusal changes the state only when it halts the session.
                return (decision, decision.IsAllowed || session.IsHalted != wasHalted);
            }, cancellationToken).ConfigureAwait(false);
            return outcome.Succeeded
                ? outcome.Value
                : TrajecktSession.Refusal(toolName, outcome.Failure, $"{ReasonCodes.ToCode(outcome.Failure)}: {toolName ?? "(null)"} is refused: {outcome.Message}");
        }
        catch (Exception e)
        {
            return TrajecktSession.Refusal(toolName, DecisionReason.StoreUnavailable, $"store_unavailable: {toolName ?? "(null)"} is refused: {StoreFailed(sessionKey, e)}");
        }
    }

    private async ValueTask WriteOrKeepAsync(string sessionKey, Action<TrajecktSession> apply, string what, CancellationToken cancellationToken)
    {
        string failure;
        Exception? cause = null;
        try
        {
            var outcome = await MutateAsync(sessionKey, session =>
            {
                apply(session);
                return (true, true);
            }, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
                return;
            failure = outcome.Message;
        }
        catch (Exception e)
        {
            cause = e;
            failure = StoreFailed(sessionKey, e);
        }
        _unwritten.AddOrUpdate(sessionKey, _ => [apply], (_, kept) => kept.Add(apply));
        var message = $"{what} could not be stored in session '{sessionKey}' ({failure}); this replica stores it before deciding anything else for the session.";
        throw cause is null ? new SessionStoreException(message) : new SessionStoreException(message, cause);
    }

    private async ValueTask<Outcome<T>> MutateAsync<T>(string sessionKey, Func<TrajecktSession, (T Result, bool Write)> step, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            var stored = await _store.LoadAsync(sessionKey, timeout.Token).ConfigureAwait(false);
            if (!TryOpen(stored, out var session, out var invalid))
                return Outcome<T>.Failed(DecisionReason.StateInvalid, invalid);
            var kept = _unwritten.TryGetValue(sessionKey, out var unwritten) ? unwritten : [];
            foreach (var apply in kept)
                apply(session);
            var (result, write) = step(session);
            if (!write && kept.IsEmpty)
                return Outcome<T>.Done(result);
            var next = new StoredSessionState(session.StateVersion, session.Snapshot());
            if (await _store.TryReplaceAsync(sessionKey, stored?.Version ?? 0, next, timeout.Token).ConfigureAwait(false))
            {
                if (!kept.IsEmpty)
                    DropWritten(sessionKey, kept);
                return Outcome<T>.Done(result);
            }
        }
        return Outcome<T>.Failed(
            DecisionReason.StoreUnavailable,
            $"the session store kept conflicting: session '{sessionKey}' changed during each of {_maxAttempts} attempts");
    }

    private void DropWritten(string sessionKey, ImmutableArray<Action<TrajecktSession>> written)
    {
        while (_unwritten.TryGetValue(sessionKey, out var current))
        {
            // Events kept after this write began are not in it: keep them.
            var rest = current.Length >= written.Length && current.AsSpan(0, written.Length).SequenceEqual(written.AsSpan())
                ? current.RemoveRange(0, written.Length)
                : current;
            if (rest.IsEmpty ? _unwritten.TryRemove(new KeyValuePair<string, ImmutableArray<Action<TrajecktSession>>>(sessionKey, current)) : _unwritten.TryUpdate(sessionKey, rest, current))
                return;
        }
    }

    private bool TryOpen(StoredSessionState? stored, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TrajecktSession? session, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        if (stored is null && _requireStarted)
        {
            session = null;
            error = "no state is stored for this session although sessions are started in the store: it expired, was evicted, or was lost (a store restarted without persistence); start a new session.";
            return false;
        }
        if (stored is null)
        {
            session = TrajecktSession.Create(_commitment, _sessionOptions, _loggerFactory);
            error = null;
            return true;
        }
        if (!TrajecktSession.TryRestore(_commitment, stored.State.Span, out session, out error, _sessionOptions, _loggerFactory))
            return false;
        if (session.StateVersion != stored.Version)
        {
            error = $"state_invalid: the store says version {stored.Version} but the state is version {session.StateVersion}.";
            session = null;
            return false;
        }
        return true;
    }

    private string StoreFailed(string sessionKey, Exception e)
    {
        var message = e is OperationCanceledException
            ? $"the session store did not answer within {_timeout.TotalSeconds:0.###} s or the call was cancelled"
            : $"the session store failed ({e.GetType().Name}: {e.Message})";
        try
        {
            SessionStoreLog.StoreFailed(_logger, sessionKey, message, e);
        }
        catch (Exception)
        {
            // A failing audit sink must not change the refusal.
        }
        return message;
    }

    private readonly struct Outcome<T>
    {
        private Outcome(T value, DecisionReason failure, string message)
        {
            Value = value;
            Failure = failure;
            Message = message;
        }

        public T Value { get; }

        public DecisionReason Failure { get; }

        public string Message { get; }

        public bool Succeeded => Failure == DecisionReason.None;

        public static Outcome<T> Done(T value) => new(value, DecisionReason.None, string.Empty);

        public static Outcome<T> Failed(DecisionReason reason, string message) => new(default!, reason, message);
    }
}
