using Trajeckt.Audit;

namespace Trajeckt;

/// <summary>
/// The end of a session (docs/runtime.md, "Ending a session"): <c>using var session = TrajecktGraphs.X.BeginSession()</c>.
/// An ended session decides no further call (<c>session_ended</c>) and accepts no authorization; if a
/// generated <c>BeginSession</c> made it current, ending it restores the session that was current before.
/// </summary>
public sealed partial class TrajecktSession : IDisposable
{
    // Guarded by _gate, like every other piece of decision state.
    private bool _ended;
    private long _endStep;

    // Set once, by BeginSession, before the session is handed out.
    private bool _restoresAmbient;
    private TrajecktSession? _ambientBefore;

    /// <summary>Whether the session has ended (<see cref="Dispose"/>): every later call is refused <c>session_ended</c>.</summary>
    public bool IsEnded
    {
        get
        {
            lock (_gate)
                return _ended;
        }
    }

    /// <summary>
    /// Ends the session. Every later call, in any flow that still holds it (a task started inside the session
    /// included), is refused with <c>session_ended</c>, and every later authorization is rejected; tools that
    /// were allowed before keep running and their completions are still recorded. If a generated
    /// <c>BeginSession</c> made this session current and it is still current in the calling flow, the session
    /// that was current before becomes current again. The end is logged (event 8, <c>SessionEnded</c>); the
    /// session buffers no audit, every decision was logged when it was made, and the logger factory stays the
    /// caller's to dispose. Ending twice does nothing more.
    /// </summary>
    public void Dispose()
    {
        long lastStep;
        lock (_gate)
        {
            if (_ended)
                return;
            _ended = true;
            _endStep = _steps;
            lastStep = _steps;
        }
        // Another session entered since is left in place: replacing it would end a scope that is not ours.
        if (_restoresAmbient && ReferenceEquals(s_current.Value, this))
            s_current.Value = _ambientBefore;
        try
        {
            SessionLog.SessionEnded(_logger, Id, lastStep);
        }
        catch (Exception)
        {
            // A failing audit sink must not keep a session from ending.
        }
    }

    /// <summary>Makes this session current until it is disposed (what a generated <c>BeginSession</c> does).</summary>
    internal void MakeCurrentUntilDisposed()
    {
        _ambientBefore = s_current.Value;
        _restoresAmbient = true;
        s_current.Value = this;
    }

    private string DescribeEnd(string? toolName, long step) =>
        $"session_ended: {toolName ?? "(null)"} is refused at step {step} because the session ended after step {_endStep} (it was disposed); begin a new session for further calls";

    private bool RejectEnded(string? tool, out string? toolName, out string message)
    {
        toolName = tool;
        message = $"authorization rejected: the session ended after step {_endStep} (it was disposed), so it authorizes nothing.";
        return false;
    }
}
