namespace Trajeckt.TestSupport.Reference;

/// <summary>
/// What an event led to: for a call, allowed or the refusal's reason code; for an authorization,
/// accepted (<see cref="Allowed"/>) or <c>authorization_rejected</c>; an input is always "allowed".
/// </summary>
public sealed record ReferenceOutcome(long Step, bool Allowed, string? Code)
{
    public override string ToString() => $"step {Step}: {(Allowed ? "allow" : Code)}";
}
