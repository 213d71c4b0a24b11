using Trajeckt.Sealing;

namespace Trajeckt.Audit;

/// <summary>
/// A tamper-evident log of every decision of the sessions that use it (<see cref="TrajecktOptions.DecisionLog"/>):
/// JSON Lines in the trace format that <c>trajeckt replay</c> reads, each line chained to the one before
/// by SHA-256, with Ed25519-signed checkpoints at intervals (docs/rollout.md). <c>trajeckt log verify</c>
/// names the first entry that was altered, removed, reordered or appended after the last checkpoint.
/// </summary>
/// <remarks>
/// Deciding threads only copy a small struct into a preallocated ring; a background thread formats,
/// hashes, signs and writes. So logging adds no allocation to an allowed decision. When the ring is
/// full, a deciding thread waits for the writer rather than drop an entry. If the sink fails, the log
/// stops (<see cref="Failure"/>), later entries are counted in <see cref="DroppedCount"/>, and the
/// failure is reported once per session start in the log warning.
/// </remarks>
public sealed class DecisionLog : IDisposable
{
    private readonly DecisionLogSink _sink;
    private readonly LogLineWriter _lines;
    private readonly DecisionLogOptions _options;
    private readonly LogRecord[] _ring;
    private readonly object _ringLock = new();
    private readonly Thread _writer;
    // Per session, the allowed call that waits for its tool's report, and when it began waiting (flushes keep that order).
    private readonly Dictionary<string, (LogRecord Call, long Order)> _pendingCalls = new(StringComparer.Ordinal);
    private long _pendingOrder;
    private int _head;
    private int _count;
    private long _enqueued;
    private long _processed;
    private long _flushRequest;
    private long _flushed;
    private bool _writerWaiting;
    private bool _stopping;
    private long _dropped;
    private DateTime _lastCheckpoint = DateTime.UtcNow;

    /// <summary>Starts a log that writes to <paramref name="sink"/> and signs its checkpoints with <paramref name="signingKey"/>.</summary>
    /// <param name="sink">Where lines go (a <see cref="FileDecisionLogSink"/>, a <see cref="LoggerDecisionLogSink"/>, ...); the log disposes it.</param>
    /// <param name="signingKey">The operator's key or a key of the log's own; its public half verifies the log.</param>
    /// <param name="options">Buffering and checkpoint options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public DecisionLog(DecisionLogSink sink, OperatorKeyPair signingKey, DecisionLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(signingKey);
        _options = options ?? new DecisionLogOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Capacity, 16, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.CheckpointInterval, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.CheckpointPeriod, TimeSpan.Zero, nameof(options));
        _sink = sink;
        _lines = new LogLineWriter(signingKey, _options.IncludeMessages, sink.ChainTail);
        _ring = new LogRecord[_options.Capacity];
        // The first line is a checkpoint, so a log (or a rolled file) whose first entries were cut off does not verify.
        Emit(_lines.Checkpoint(DateTime.UtcNow.Ticks, fileStart: true), true);
        _writer = new Thread(WriterLoop) { IsBackground = true, Name = "Trajeckt decision log" };
        _writer.Start();
    }

    /// <summary>The exception that stopped the writer, or <see langword="null"/> while it runs.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Entries lost because the writer had failed.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Writes every entry enqueued so far, then a signed checkpoint, and flushes the sink. After it
    /// returns, everything logged before the call verifies.
    /// </summary>
    public void Flush()
    {
        lock (_ringLock)
        {
            var target = _enqueued;
            _flushRequest = Math.Max(_flushRequest, target);
            Monitor.PulseAll(_ringLock);
            while (_flushed < target && Failure is null && !_stopping)
                Monitor.Wait(_ringLock);
        }
    }

    /// <summary>Writes what is left and a final checkpoint, stops the writer and disposes the sink.</summary>
    public void Dispose()
    {
        lock (_ringLock)
        {
            if (_stopping)
                return;
            _stopping = true;
            Monitor.PulseAll(_ringLock);
        }
        _writer.Join();
        _sink.Dispose();
    }

    /// <summary>Copies a record into the ring; waits while the ring is full. Never allocates.</summary>
    internal void Enqueue(in LogRecord record)
    {
        lock (_ringLock)
        {
            while (_count == _ring.Length && Failure is null && !_stopping)
                Monitor.Wait(_ringLock);
            if (Failure is not null || _stopping)
            {
                _dropped++;
                return;
            }
            _ring[(_head + _count) % _ring.Length] = record;
            _count++;
            _enqueued++;
            if (_writerWaiting)
                Monitor.Pulse(_ringLock);
        }
    }

    private void WriterLoop()
    {
        var batch = new LogRecord[Math.Min(_ring.Length, 4096)];
        try
        {
            while (true)
            {
                int taken;
                long flushTarget;
                bool stopping;
                lock (_ringLock)
                {
                    while (_count == 0 && !_stopping && _flushRequest <= _flushed && !CheckpointDue())
                    {
                        _writerWaiting = true;
                        Monitor.Wait(_ringLock, _options.CheckpointPeriod);
                        _writerWaiting = false;
                    }
                    taken = Math.Min(_count, batch.Length);
                    for (var i = 0; i < taken; i++)
                    {
                        var slot = (_head + i) % _ring.Length;
                        batch[i] = _ring[slot];
                        _ring[slot] = default;
                    }
                    _head = (_head + taken) % _ring.Length;
                    _count -= taken;
                    if (taken > 0)
                        Monitor.PulseAll(_ringLock);
                    flushTarget = _flushRequest;
                    stopping = _stopping && _count == 0;
                }

                for (var i = 0; i < taken; i++)
                {
                    Write(in batch[i]);
                    if (_lines.SinceCheckpoint >= _options.CheckpointInterval)
                        WriteCheckpoint();
                }
                Array.Clear(batch, 0, taken);
                lock (_ringLock)
                    _processed += taken;

                var flushing = stopping || (flushTarget > _flushed && _processed >= flushTarget);
                if (flushing)
                {
                    WritePendingCalls();
                    WriteCheckpoint();
                    _sink.Flush();
                    lock (_ringLock)
                    {
                        _flushed = Math.Max(_flushed, flushTarget);
                        Monitor.PulseAll(_ringLock);
                    }
                }
                else if (CheckpointDue())
                {
                    WriteCheckpoint();
                }
                if (stopping)
                    return;
            }
        }
        catch (Exception ex)
        {
            lock (_ringLock)
            {
                Failure = ex;
                _dropped += _count;
                _count = 0;
                Monitor.PulseAll(_ringLock);
            }
        }
    }

    private bool CheckpointDue() => _lines.SinceCheckpoint > 0 && DateTime.UtcNow - _lastCheckpoint >= _options.CheckpointPeriod;

    // An allowed call waits for what its tool reports (Complete) until the session's next event; then
    // it is written with the reported origin and labels, so the line replays as the call really went.
    private void Write(in LogRecord record)
    {
        var hasPending = _pendingCalls.Remove(record.SessionId, out var pending);
        if (record.Kind == LogRecordKind.Report)
        {
            if (hasPending && pending.Call.Step == record.Step)
            {
                Emit(_lines.Call(in pending.Call, record.Origin, record.Labels), false);
                return;
            }
            if (hasPending)
                _pendingCalls.Add(record.SessionId, pending);
            Emit(_lines.Note(record.TimestampTicks, record.SessionId,
                $"step {record.Step}: the tool reported origin {record.Origin?.ToString() ?? "none"} and labels [{string.Join(", ", record.Labels ?? [])}] after the session's next event"), false);
            return;
        }
        if (hasPending)
            Emit(_lines.Call(in pending.Call, null, null), false);
        switch (record.Kind)
        {
            case LogRecordKind.Call when record.Reason == DecisionReason.None || record.Shadow:
                _pendingCalls.Add(record.SessionId, (record, _pendingOrder++));
                break;
            case LogRecordKind.Call:
                Emit(_lines.Call(in record, null, null), false);
                break;
            case LogRecordKind.Authorization:
                Emit(_lines.Authorization(in record), false);
                break;
            default:
                Emit(_lines.Input(in record), false);
                break;
        }
    }

    private void WritePendingCalls()
    {
        foreach (var (call, _) in _pendingCalls.Values.OrderBy(p => p.Order))
            Emit(_lines.Call(in call, null, null), false);
        _pendingCalls.Clear();
    }

    private void WriteCheckpoint()
    {
        // A file about to roll gets a checkpoint as its first line too, so each file verifies alone.
        Emit(_lines.Checkpoint(DateTime.UtcNow.Ticks, fileStart: false), true);
        if (_sink is FileDecisionLogSink { WillRoll: true })
            Emit(_lines.Checkpoint(DateTime.UtcNow.Ticks, fileStart: true), true);
        _lastCheckpoint = DateTime.UtcNow;
    }

    private void Emit(ReadOnlySpan<byte> line, bool isCheckpoint) => _sink.WriteLine(line, isCheckpoint);
}
