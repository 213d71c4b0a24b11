namespace SupportAgent;

/// <summary>What a run of the sample did.</summary>
/// <param name="Allowed">How many calls were allowed.</param>
/// <param name="RefusalsByReason">How many calls were refused, by reason code.</param>
/// <param name="Desk">The support desk's tools, with what they sent and stored.</param>
/// <param name="Workspace">The office automation's tools, with what they sent and stored.</param>
internal sealed record DemoOutcome(int Allowed, IReadOnlyDictionary<string, int> RefusalsByReason, SupportDesk Desk, OfficeWorkspace Workspace);
