namespace Trajeckt.Gateway.Sessions;

/// <summary>A session that lives in this process only (the default): the client must come back to this replica.</summary>
internal sealed class LocalEnforcement(TrajecktSession session) : SessionEnforcement
{
    public override string Name => session.Id;

    public override ValueTask<Decision> BeginAsync(string? tool, CancellationToken cancellationToken) =>
        ValueTask.FromResult(session.Begin(tool!));

    public override ValueTask<string?> CompleteAsync(Decision decision, Trust? origin, IReadOnlyList<string>? labels)
    {
        session.Complete(in decision, origin, labels);
        return ValueTask.FromResult<string?>(null);
    }

    public override ValueTask<AuthorizationResult> AuthorizeAsync(string tool, Trust by, CancellationToken cancellationToken) =>
        ValueTask.FromResult(session.Authorize(tool, by));

    // Ending the Trajeckt session makes a call still in flight in it refused rather than decided on dropped state.
    public override void End() => session.Dispose();
}
