using System.Runtime.CompilerServices;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Trajeckt.Sessions;

namespace Trajeckt.AgentFramework;

/// <summary>
/// An agent whose sessions (threads) carry their Trajeckt session: each run restores the Trajeckt state from the
/// agent session's state bag (authenticated with <see cref="SessionStateProtector"/>), makes it
/// <see cref="TrajecktSession.Current"/> for the run, so a chat client gated with <c>UseTrajeckt()</c> decides every
/// function call in it, and writes the new state back when the run ends. A state that was altered, signed by an
/// unknown key, made for another commitment, or (with a store) replayed is refused: the run does not start.
/// </summary>
public sealed class TrajecktAgent : DelegatingAIAgent
{
    private readonly Commitment _commitment;
    private readonly SessionStateProtector _protector;
    private readonly TrajecktAgentOptions _options;

    /// <summary>Wraps <paramref name="innerAgent"/>.</summary>
    /// <param name="innerAgent">The agent; its chat client must be gated with <c>UseTrajeckt()</c> (the ambient session).</param>
    /// <param name="commitment">The commitment every carried state must be of.</param>
    /// <param name="protector">Signs and verifies the carried states.</param>
    /// <param name="options">The replay store and the sessions' options; <see langword="null"/> for none.</param>
    public TrajecktAgent(AIAgent innerAgent, Commitment commitment, SessionStateProtector protector, TrajecktAgentOptions? options = null)
        : base(innerAgent)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(protector);
        _commitment = commitment;
        _protector = protector;
        _options = options ?? new TrajecktAgentOptions();
        if (_options.SessionManager is { } manager && manager.Commitment.Digest != commitment.Digest)
            throw new ArgumentException("The session manager enforces another commitment than the agent.", nameof(options));
    }

    /// <inheritdoc/>
    /// <exception cref="TrajecktSessionStateException">The agent session's Trajeckt state was refused; nothing ran.</exception>
    protected override async Task<AgentResponse> RunCoreAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var carried = await OpenAsync(session, cancellationToken).ConfigureAwait(false);
        try
        {
            using (carried.Session.Enter())
                return await base.RunCoreAsync(messages, session, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await SaveAsync(session, carried).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="TrajecktSessionStateException">The agent session's Trajeckt state was refused; nothing ran.</exception>
    protected override async IAsyncEnumerable<AgentResponseUpdate> RunCoreStreamingAsync(
        IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var carried = await OpenAsync(session, cancellationToken).ConfigureAwait(false);
        try
        {
            var updates = base.RunCoreStreamingAsync(messages, session, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (updates.ConfigureAwait(false))
            {
                while (true)
                {
                    // An iterator resumes in its consumer's context: the session is made current again for each step.
                    bool more;
                    using (carried.Session.Enter())
                        more = await updates.MoveNextAsync().ConfigureAwait(false);
                    if (!more)
                        yield break;
                    yield return updates.Current;
                }
            }
        }
        finally
        {
            await SaveAsync(session, carried).ConfigureAwait(false);
        }
    }

    private async ValueTask<Carried> OpenAsync(AgentSession? agentSession, CancellationToken cancellationToken)
    {
        // A run without an agent session is one run: its Trajeckt session ends with it.
        if (agentSession is null)
            return new Carried(TrajecktSession.Create(_commitment, _options.SessionOptions), null);
        if (!AgentSessionState.TryRead(agentSession, _protector, out var threadId, out var state, out var error))
            throw new TrajecktSessionStateException(error);
        if (threadId is null || state is null)
            return new Carried(TrajecktSession.Create(_commitment, _options.SessionOptions), AgentSessionState.NewThreadId());
        if (!TrajecktSession.TryRestore(_commitment, state, out var session, out error, _options.SessionOptions))
            throw new TrajecktSessionStateException(error);
        if (_options.SessionManager is { } manager && await manager.ImportAsync(threadId, state, cancellationToken).ConfigureAwait(false) is { } refused)
            throw new TrajecktSessionStateException(refused);
        return new Carried(session, threadId);
    }

    private async ValueTask SaveAsync(AgentSession? agentSession, Carried carried)
    {
        if (agentSession is null || carried.ThreadId is null)
            return;
        var state = carried.Session.Snapshot();
        AgentSessionState.Write(agentSession, _protector, carried.ThreadId, state);
        // The store follows; if it cannot be written now, the newer state in the thread is imported at its next run.
        if (_options.SessionManager is { } manager)
            await manager.ImportAsync(carried.ThreadId, state, CancellationToken.None).ConfigureAwait(false);
    }

    private readonly record struct Carried(TrajecktSession Session, string? ThreadId);
}
