using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Trajeckt.Audit;
using Trajeckt.Configuration;
using Trajeckt.Enforcement;
using Trajeckt.Traj.Graph;

namespace Trajeckt;

/// <summary>
/// One agent session under enforcement (docs/semantics.md): it decides every tool call against its
/// commitment, tracks taint, integrity and authorizations, and records the last decisions. Thread
/// safe: each event is checked and committed atomically, and concurrent events serialize in the
/// order of their steps. Deciding never throws: an internal failure refuses the call.
/// </summary>
public sealed partial class TrajecktSession
{
    private static readonly AsyncLocal<TrajecktSession?> s_current = new();

    private readonly SessionEnforcer _enforcer;
    private readonly bool _haltOnViolation;
    private readonly ILogger _logger;

    // False when the session has no logger factory, so the allowed path skips auditing entirely unless a listener subscribes.
    private readonly bool _logging;
    private readonly DecisionLog? _decisionLog;
    private readonly bool _shadow;

    // Allocated by the first decision: an idle session holds no ring (see FlightRecorder).
    private FlightRecorder? _recorder;
    private string? _id;
    private long _steps;
    private bool _halted;
    private long _haltStep;
    private DecisionReason _haltReason;

    private TrajecktSession(SessionEnforcer enforcer, TrajecktOptions options, ILoggerFactory? loggerFactory)
    {
        _enforcer = enforcer;
        _decisionLog = options.DecisionLog;
        _shadow = options.Shadow;
        _haltOnViolation = options.OnViolation == ViolationBehavior.Halt;
        _logging = loggerFactory is not null;
        _logger = loggerFactory?.CreateLogger<TrajecktSession>() ?? (ILogger)NullLogger.Instance;
        if (!_logging && !_shadow)
            return;
        try
        {
            // The mode sentence is formatted only when the event is written.
            if (_logging && _logger.IsEnabled(LogLevel.Information))
                SessionLog.SessionStarted(_logger, Id, enforcer.Mode);
            if (_shadow)
                WarnShadowStarted(enforcer.UnavailableReason);
        }
        catch (Exception)
        {
            // A failing audit sink must not keep a session from enforcing.
        }
    }

    /// <summary>The session that is current in this asynchronous flow (see <see cref="Enter"/>), or <see langword="null"/>.</summary>
    public static TrajecktSession? Current => s_current.Value;

    /// <summary>
    /// The session that decides a call when no session can be found (ToolGate, the framework gates): it has no
    /// commitment and default options, so it refuses every call with <c>no_commitment</c>.
    /// </summary>
    internal static TrajecktSession CurrentOrRefusing => s_current.Value ?? s_refusing.Value;

    private static readonly Lazy<TrajecktSession> s_refusing = new(() => Create((Commitment?)null));

    /// <summary>A unique id for this session, carried by its log events and activity events.</summary>
    /// <remarks>Made on first use, so a session that nobody logs or names pays for no string.</remarks>
    public string Id => _id ?? Interlocked.CompareExchange(ref _id, Guid.NewGuid().ToString("N"), null) ?? _id;

    /// <summary>The commitment the session enforces, or <see langword="null"/> when it has none.</summary>
    public Commitment? Commitment => (_enforcer as GraphEnforcer)?.Commitment;

    /// <summary>Whether the session runs in heuristic mode (no commitment, uncommitted sessions allowed).</summary>
    public bool IsHeuristic => _enforcer is HeuristicEnforcer;

    /// <summary>Whether an earlier violation halted the session (only with <see cref="ViolationBehavior.Halt"/>).</summary>
    public bool IsHalted
    {
        get
        {
            lock (_gate)
                return _halted;
        }
    }

    /// <summary>Creates a session that enforces <paramref name="commitment"/>.</summary>
    /// <param name="commitment">
    /// The verified commitment, or <see langword="null"/>: then the session runs in heuristic mode when
    /// the options allow uncommitted sessions (with no tool effects known, so every tool is unclassified;
    /// use <see cref="CreateHeuristic(IReadOnlyDictionary{string, ToolEffects}, TrajecktOptions, ILoggerFactory?)"/>
    /// to supply them), and otherwise refuses every call with <c>no_commitment</c>.
    /// </param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="loggerFactory">Where audit log events go; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are contradictory or invalid.</exception>
    public static TrajecktSession Create(Commitment? commitment, TrajecktOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        options = ValidOptions(options);
        if (commitment is not null)
            return new TrajecktSession(new GraphEnforcer(commitment), options, loggerFactory);
        return options.RunsHeuristicWhenUncommitted
            ? Heuristic(FrozenDictionary<string, ToolEffects>.Empty, options, loggerFactory)
            : Uncommitted(options, loggerFactory);
    }

    /// <summary>
    /// Creates a session from the outcome of loading a sealed commitment. A failed load refuses every
    /// call with its <see cref="CommitmentLoadResult.FailureReason"/> and message, whatever the options
    /// say: a present but invalid seal never degrades to heuristic mode.
    /// </summary>
    /// <param name="load">The load result.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="loggerFactory">Where audit log events go; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are contradictory or invalid.</exception>
    public static TrajecktSession Create(CommitmentLoadResult load, TrajecktOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (load.Succeeded)
            return Create(load.Commitment, options, loggerFactory);
        options = ValidOptions(options);
        var cause = load.FailureMessage.TrimEnd('.');
        return new TrajecktSession(new RefusingEnforcer(load.FailureReason, cause, "refusing every call: " + cause), options, loggerFactory);
    }

    /// <summary>
    /// Creates a session with no commitment that runs in heuristic mode, classifying tools by
    /// <paramref name="effects"/>; tools not listed are unclassified and allowed. Unless the options
    /// allow uncommitted sessions, the session refuses every call with <c>no_commitment</c>.
    /// </summary>
    /// <param name="effects">Each tool's effects, by name (ordinal).</param>
    /// <param name="options">The options; heuristic mode needs <see cref="TrajecktOptions.AllowUncommitted"/>.</param>
    /// <param name="loggerFactory">Where audit log events go; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="effects"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are contradictory or invalid.</exception>
    public static TrajecktSession CreateHeuristic(IReadOnlyDictionary<string, ToolEffects> effects, TrajecktOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(effects);
        ArgumentNullException.ThrowIfNull(options);
        options = ValidOptions(options);
        return options.RunsHeuristicWhenUncommitted
            ? Heuristic(effects.ToFrozenDictionary(StringComparer.Ordinal), options, loggerFactory)
            : Uncommitted(options, loggerFactory);
    }

    /// <summary>Heuristic mode with the effects of a graph's declared tools (replay's <c>--heuristic</c>); the graph is not enforced.</summary>
    internal static TrajecktSession CreateHeuristic(CompiledGraph graphForEffects, TrajecktOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(graphForEffects);
        return CreateHeuristic(graphForEffects.Tools.ToDictionary(t => t.Name, t => t.Effects, StringComparer.Ordinal), options, loggerFactory);
    }

    /// <summary>Makes this session <see cref="Current"/> until the returned scope is disposed.</summary>
    /// <returns>A scope whose disposal restores the previously current session.</returns>
    public TrajecktSessionScope Enter()
    {
        var previous = s_current.Value;
        s_current.Value = this;
        return new TrajecktSessionScope(this, previous);
    }

    /// <summary>Decides a call of a declared tool and, when it is allowed, commits it.</summary>
    /// <param name="tool">The tool's handle.</param>
    /// <returns>The decision; pass it to <see cref="Complete"/> after the tool ran.</returns>
    public Decision Begin(ToolId tool) => Decide(tool.Name, tool.Index);

    /// <summary>Decides a call of a tool by name and, when it is allowed, commits it.</summary>
    /// <param name="toolName">The tool's name (ordinal, case-sensitive).</param>
    /// <returns>The decision; pass it to <see cref="Complete"/> after the tool ran.</returns>
    public Decision Begin(string toolName) => Decide(toolName, -1);

    /// <summary>
    /// Records what an allowed call's output carried. Call it after the tool ran, also when it threw
    /// (in a <see langword="finally"/>). The tool's declared labels and origin were committed with the
    /// decision; here, reported labels join the taint (labels no tool declares may reach no sink) and
    /// a reported origin can only lower integrity. Does nothing for a refused decision.
    /// </summary>
    /// <param name="decision">The decision <see cref="Begin(ToolId)"/> returned.</param>
    /// <param name="reportedOrigin">The trust of the output as the tool reported it, if any.</param>
    /// <param name="reportedLabels">Confidentiality labels the output carried beyond the declared ones, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="decision"/> was made by another session.</exception>
    public void Complete(in Decision decision, Trust? reportedOrigin = null, IReadOnlyList<string>? reportedLabels = null)
    {
        if (!decision.IsAllowed)
            return;
        if (!ReferenceEquals(decision.Session, this))
            throw new ArgumentException("The decision was made by another session.", nameof(decision));
        if (reportedOrigin is null && reportedLabels is null)
            return;
        // An output that cannot be recorded (e.g. a label list that throws) is assumed untrusted and to
        // carry an undeclared label, so nothing downstream can rely on it (TrajecktSession.State.cs).
        ApplyReported(decision.ToolName, decision.Step, reportedOrigin, reportedLabels);
    }

    /// <summary>Decides an authorization of a floored tool by an instruction of trust <paramref name="by"/>.</summary>
    /// <param name="tool">The tool to authorize.</param>
    /// <param name="by">The trust of the instruction that authorizes it.</param>
    /// <returns>Accepted when the tool has a floor and <paramref name="by"/> is at least its authorizer; each acceptance lets one call pass the floor.</returns>
    public AuthorizationResult Authorize(string tool, Trust by)
    {
        bool accepted;
        string? toolName;
        string message;
        long step;
        lock (_gate)
        {
            step = ++_steps;
            try
            {
                accepted = !_ended ? _enforcer.Authorize(tool, by, out toolName, out message) : RejectEnded(tool, out toolName, out message);
            }
            catch (Exception e)
            {
                accepted = false;
                toolName = tool;
                message = $"authorization rejected: deciding failed ({e.GetType().Name}: {e.Message}).";
            }
            LogAuthorization(step, tool, by, accepted, message);
        }
        var result = new AuthorizationResult(step, toolName, accepted ? DecisionReason.None : DecisionReason.AuthorizationRejected, message);
        AuditAuthorization(in result);
        return result;
    }

    /// <summary>Records that content of trust <paramref name="trust"/> entered the agent's context: integrity drops to it if lower.</summary>
    /// <param name="trust">The content's trust; a value outside the lattice counts as <see cref="Trust.Untrusted"/>.</param>
    /// <returns>The step of this event.</returns>
    public long ObserveInput(Trust trust)
    {
        long step;
        lock (_gate)
        {
            step = ++_steps;
            _enforcer.ObserveInput(trust, step);
            LogInput(step, trust);
        }
        if (_logger.IsEnabled(LogLevel.Debug))
            SessionLog.InputObserved(_logger, Id, step, trust);
        return step;
    }

    /// <summary>Runs a tool if the session allows the call, and records its completion.</summary>
    /// <typeparam name="T">The tool's result type.</typeparam>
    /// <param name="tool">The tool's handle.</param>
    /// <param name="run">Runs the tool.</param>
    /// <returns>The tool's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is <see langword="null"/> (checked before the call is decided).</exception>
    /// <exception cref="TrajectoryViolationException">The call was refused; <paramref name="run"/> was not called.</exception>
    public T Invoke<T>(ToolId tool, Func<T> run)
    {
        // Checked before deciding: an allowed call is committed, so it must be able to run.
        ArgumentNullException.ThrowIfNull(run);
        return Run(Begin(tool), run);
    }

    /// <summary>Runs a tool by name if the session allows the call, and records its completion.</summary>
    /// <typeparam name="T">The tool's result type.</typeparam>
    /// <param name="toolName">The tool's name.</param>
    /// <param name="run">Runs the tool.</param>
    /// <returns>The tool's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is <see langword="null"/> (checked before the call is decided).</exception>
    /// <exception cref="TrajectoryViolationException">The call was refused; <paramref name="run"/> was not called.</exception>
    public T Invoke<T>(string toolName, Func<T> run)
    {
        // Checked before deciding: an allowed call is committed, so it must be able to run.
        ArgumentNullException.ThrowIfNull(run);
        return Run(Begin(toolName), run);
    }

    /// <summary>Runs an asynchronous tool if the session allows the call, and records its completion.</summary>
    /// <typeparam name="T">The tool's result type.</typeparam>
    /// <param name="tool">The tool's handle.</param>
    /// <param name="run">Starts the tool.</param>
    /// <returns>The tool's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is <see langword="null"/> (checked before the call is decided).</exception>
    /// <exception cref="TrajectoryViolationException">The call was refused; <paramref name="run"/> was not called.</exception>
    public Task<T> InvokeAsync<T>(ToolId tool, Func<Task<T>> run)
    {
        // Checked before deciding: an allowed call is committed, so it must be able to run.
        ArgumentNullException.ThrowIfNull(run);
        return RunAsync(Begin(tool), run);
    }

    /// <summary>Runs an asynchronous tool by name if the session allows the call, and records its completion.</summary>
    /// <typeparam name="T">The tool's result type.</typeparam>
    /// <param name="toolName">The tool's name.</param>
    /// <param name="run">Starts the tool.</param>
    /// <returns>The tool's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is <see langword="null"/> (checked before the call is decided).</exception>
    /// <exception cref="TrajectoryViolationException">The call was refused; <paramref name="run"/> was not called.</exception>
    public Task<T> InvokeAsync<T>(string toolName, Func<Task<T>> run)
    {
        // Checked before deciding: an allowed call is committed, so it must be able to run.
        ArgumentNullException.ThrowIfNull(run);
        return RunAsync(Begin(toolName), run);
    }

    /// <summary>Returns the session's last call decisions (at most 100), oldest first.</summary>
    /// <returns>A snapshot; later decisions do not change it.</returns>
    public IReadOnlyList<Decision> GetRecentDecisions()
    {
        lock (_gate)
            return _recorder is { } recorder ? recorder.Snapshot() : [];
    }

    internal static void SetCurrent(TrajecktSession? session) => s_current.Value = session;

    private static TrajecktOptions ValidOptions(TrajecktOptions? options)
    {
        // The defaults are valid, and a session only reads its options while it is created.
        if (options is null)
            return s_defaultOptions;
        TrajecktOptionsValidation.ThrowIfInvalid(options, nameof(options));
        return options;
    }

    private static readonly TrajecktOptions s_defaultOptions = new();

    private static TrajecktSession Heuristic(FrozenDictionary<string, ToolEffects> effects, TrajecktOptions options, ILoggerFactory? loggerFactory) =>
        new(new HeuristicEnforcer(effects), options, loggerFactory);

    private static TrajecktSession Uncommitted(TrajecktOptions options, ILoggerFactory? loggerFactory) =>
        new(
            new RefusingEnforcer(
                DecisionReason.NoCommitment,
                "no verified trajectory commitment is installed and the options do not allow uncommitted sessions (AllowUncommitted = false)",
                "no commitment, refusing every call"),
            options,
            loggerFactory);

    // A foreign tool (see TrajecktSession.ToolIdentity.cs) is refused unknown_tool with its own message, never decided.
    private Decision Decide(string? name, int indexHint, string? foreignTool = null)
    {
        Decision decision;
        var haltedNow = false;
        lock (_gate)
        {
            var step = ++_steps;
            var toolIndex = -1;
            var toolName = name;
            DecisionReason reason;
            string? message = null;
            try
            {
                reason = _ended ? DecisionReason.SessionEnded : _enforcer.UnavailableReason;
                if (reason == DecisionReason.None)
                {
                    reason = _halted ? DecisionReason.Halted
                        : foreignTool is not null ? DecisionReason.UnknownTool
                        : _enforcer.Decide(name, indexHint, step, out toolIndex, out toolName);
                }
                if (reason != DecisionReason.None)
                    message = reason switch
                    {
                        DecisionReason.Halted => DescribeHalt(toolName, step),
                        DecisionReason.SessionEnded => DescribeEnd(toolName, step),
                        DecisionReason.UnknownTool when foreignTool is not null => foreignTool,
                        _ => _enforcer.DescribeRefusal(reason, toolName, toolIndex, step),
                    };
            }
            catch (Exception e)
            {
                reason = DecisionReason.InternalError;
                message = $"internal_error: deciding the call of {toolName ?? "(null)"} at step {step} failed ({e.GetType().Name}: {e.Message}), so the call is refused";
            }
            if (reason is not (DecisionReason.None or DecisionReason.SessionEnded) && _haltOnViolation && !_halted)
            {
                _halted = true;
                _haltStep = step;
                _haltReason = reason;
                haltedNow = true;
            }
            var wouldRefuse = DecisionReason.None;
            if (reason != DecisionReason.None && _shadow && ShadowLetsThrough(reason))
            {
                wouldRefuse = reason;
                reason = DecisionReason.None;
                message = "shadow: would refuse: " + message;
                ApplyShadowed(toolIndex, toolName, step);
            }
            decision = new Decision(this, step, toolName, reason, message, wouldRefuse);
            (_recorder ??= new FlightRecorder(this, Commitment?.Graph)).Record(step, toolIndex, toolName, reason, message, wouldRefuse);
            LogCall(in decision, _shadow);
        }
        if (_logging || DecisionTelemetry.IsListening)
            AuditCall(in decision, haltedNow);
        if (decision.WouldRefuse)
            AuditShadowRefusal(in decision);
        return decision;
    }

    private string DescribeHalt(string? toolName, long step) =>
        $"halted: {toolName ?? "(null)"} is refused at step {step} because the {ReasonCodes.ToCode(_haltReason)} violation at step {_haltStep} halted the session";

    private T Run<T>(Decision decision, Func<T> run)
    {
        if (!decision.IsAllowed)
            throw new TrajectoryViolationException(decision);
        try
        {
            return run();
        }
        finally
        {
            Complete(in decision);
        }
    }

    private async Task<T> RunAsync<T>(Decision decision, Func<Task<T>> run)
    {
        if (!decision.IsAllowed)
            throw new TrajectoryViolationException(decision);
        try
        {
            return await run().ConfigureAwait(false);
        }
        finally
        {
            Complete(in decision);
        }
    }

    private void AuditCall(in Decision decision, bool haltedNow)
    {
        // A failing audit sink must neither change nor hide a decision that has already been committed.
        try
        {
            if (decision.IsAllowed)
            {
                SessionLog.CallAllowed(_logger, Id, decision.Step, decision.ToolName);
            }
            else
            {
                SessionLog.CallRefused(_logger, Id, decision.Step, decision.ToolName, decision.Code, decision.Message);
                if (haltedNow)
                    SessionLog.SessionHalted(_logger, Id, decision.Step, decision.Code);
            }
            DecisionTelemetry.RecordCall(Id, in decision);
        }
        catch (Exception)
        {
        }
    }

    private void AuditAuthorization(in AuthorizationResult result)
    {
        try
        {
            if (result.IsAccepted)
                SessionLog.AuthorizationAccepted(_logger, Id, result.Step, result.Message);
            else
                SessionLog.AuthorizationRejected(_logger, Id, result.Step, result.Message);
            DecisionTelemetry.RecordAuthorization(result.IsAccepted);
        }
        catch (Exception)
        {
        }
    }
}
