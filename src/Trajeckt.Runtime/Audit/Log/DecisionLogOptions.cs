namespace Trajeckt.Audit;

/// <summary>How a <see cref="DecisionLog"/> buffers, checkpoints and words its entries.</summary>
public sealed class DecisionLogOptions
{
    /// <summary>The entries the ring buffer holds between the deciding threads and the writer (default 65,536).</summary>
    /// <remarks>When it is full, a deciding thread waits for the writer: no decision goes unlogged.</remarks>
    public int Capacity { get; set; } = 1 << 16;

    /// <summary>A signed checkpoint is written after this many entries (default 1,000).</summary>
    public int CheckpointInterval { get; set; } = 1000;

    /// <summary>A signed checkpoint is written when entries have waited this long for one (default 5 seconds).</summary>
    public TimeSpan CheckpointPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether entries carry the runtime's refusal messages (default true). Argument values are never logged: sessions never see them.</summary>
    public bool IncludeMessages { get; set; } = true;
}
