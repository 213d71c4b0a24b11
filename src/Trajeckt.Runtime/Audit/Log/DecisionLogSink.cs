namespace Trajeckt.Audit;

/// <summary>
/// Where a <see cref="DecisionLog"/> writes its lines: one JSON object per line, UTF-8, without the line
/// break. Called on the log's writer thread only, never on a thread that decides calls.
/// </summary>
public abstract class DecisionLogSink : IDisposable
{
    /// <summary>Writes one line.</summary>
    /// <param name="utf8Line">The line's UTF-8 bytes, without a line break.</param>
    /// <param name="isCheckpoint">Whether the line is a signed checkpoint (a file sink may roll after one).</param>
    public abstract void WriteLine(ReadOnlySpan<byte> utf8Line, bool isCheckpoint);

    /// <summary>Where an earlier log this sink appends to ends, to continue its chain; <see langword="null"/> to start one.</summary>
    internal virtual LogChainTail? ChainTail => null;

    /// <summary>Makes every line written so far durable.</summary>
    public abstract void Flush();

    /// <summary>Flushes and releases the sink.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the sink's resources.</summary>
    /// <param name="disposing">Whether this is <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
