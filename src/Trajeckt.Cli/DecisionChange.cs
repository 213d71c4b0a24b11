using Trajeckt.Replay;

namespace Trajeckt.Cli;

/// <summary>The first step of a recorded run that two policies decide differently.</summary>
/// <param name="Run">The run: a trace file, or <c>FILE#SESSION</c> for a session of a decision log.</param>
/// <param name="Old">The step replayed under the old policy.</param>
/// <param name="New">The same step replayed under the new policy.</param>
internal sealed record DecisionChange(string Run, ReplayResult Old, ReplayResult New);
