namespace Trajeckt.Gateway.Sessions;

/// <summary>
/// What decides one MCP session's calls: a Trajeckt session in this process (<see cref="LocalEnforcement"/>)
/// or the session's state in the shared store (<see cref="StoredEnforcement"/>), which any replica continues.
/// </summary>
internal abstract class SessionEnforcement
{
    /// <summary>Names the enforcement in logs: the Trajeckt session id, or the store key.</summary>
    public abstract string Name { get; }

    /// <summary>Decides a tools/call; an allowed call is committed before this returns.</summary>
    public abstract ValueTask<Decision> BeginAsync(string? tool, CancellationToken cancellationToken);

    /// <summary>Records what an allowed call's output reported; returns why it could not be recorded, or <see langword="null"/>.</summary>
    public abstract ValueTask<string?> CompleteAsync(Decision decision, Trust? origin, IReadOnlyList<string>? labels);

    /// <summary>Decides a trusted user's authorization of a floored tool (the operator endpoint); never throws, a failure is a rejection.</summary>
    public abstract ValueTask<AuthorizationResult> AuthorizeAsync(string tool, Trust by, CancellationToken cancellationToken);

    /// <summary>This replica lets go of the session (expired here, or the gateway stops).</summary>
    public abstract void End();
}
