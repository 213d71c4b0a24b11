namespace Trajeckt.Generators.Model;

/// <summary>The value of a small pipeline step, or the fail-closed value and the failure that replaced it (TRJ1008).</summary>
internal sealed record Attempt<T>(T Value, DiagnosticInfo? Failure);
