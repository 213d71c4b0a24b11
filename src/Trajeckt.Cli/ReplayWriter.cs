using Trajeckt.Replay;

namespace Trajeckt.Cli;

/// <summary>Prints the results of a replay, one line per event, in one of the formats of docs/semantics.md, trajeckt replay.</summary>
internal abstract class ReplayWriter
{
    /// <summary>Prints one event's result.</summary>
    public abstract void Write(ReplayResult result);
}
