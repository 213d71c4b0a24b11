using System.Globalization;

namespace Trajeckt.Audit;

/// <summary>
/// The default decision log sink: JSON Lines files in a folder, rolled when a file passes a size and
/// bounded in number (the oldest file is deleted). Files are named <c>decisions-NNNNNN.jsonl</c>; a file
/// is rolled only right after a checkpoint, so every file starts and ends with a signed checkpoint and
/// verifies on its own. A sink opened on a folder that already holds files continues the chain of the
/// newest one, so <c>trajeckt log verify</c> on the folder sees a file or a run removed between others.
/// </summary>
public sealed class FileDecisionLogSink : DecisionLogSink
{
    private readonly string _folder;
    private readonly long _maxFileBytes;
    private readonly int _maxFiles;
    private FileStream _stream;
    // The rolled file being made durable, closed and pruned off the writer thread.
    private Task _closing = Task.CompletedTask;
    private int _index;
    private bool _rollPending;

    /// <summary>Opens a sink that writes into <paramref name="folder"/> (created if missing), after any files already there.</summary>
    /// <param name="folder">The folder of the log files.</param>
    /// <param name="maxFileBytes">The size after which the file rolls at the next checkpoint.</param>
    /// <param name="maxFiles">The most files kept; older files are deleted.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not positive.</exception>
    public FileDecisionLogSink(string folder, long maxFileBytes = 64 * 1024 * 1024, int maxFiles = 16)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFileBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFiles, 1);
        _folder = folder;
        _maxFileBytes = maxFileBytes;
        _maxFiles = maxFiles;
        Directory.CreateDirectory(folder);
        var existing = ExistingFiles().OrderByDescending(IndexOf).ToList();
        ChainTail = existing.Select(ReadTail).FirstOrDefault(tail => tail is not null);
        _index = existing.Select(IndexOf).DefaultIfEmpty(0).Max() + 1;
        _stream = Open(_index);
    }

    /// <summary>Where the newest file already in the folder ends; the log continues its chain from there.</summary>
    /// <remarks>Read once, when the sink opens: a log started again on the same folder picks up where the last run stopped.</remarks>
    internal override LogChainTail? ChainTail { get; }

    /// <summary>The file being written.</summary>
    public string CurrentPath => _stream.Name;

    /// <inheritdoc />
    public override void WriteLine(ReadOnlySpan<byte> utf8Line, bool isCheckpoint)
    {
        if (_closing.IsFaulted)
            WaitForClosing();
        if (_rollPending)
        {
            _rollPending = false;
            Roll();
        }
        _stream.Write(utf8Line);
        _stream.WriteByte((byte)'\n');
        if (isCheckpoint && _stream.Length >= _maxFileBytes)
            _rollPending = true;
    }

    /// <summary>Whether the next line starts a new file; the log then writes a checkpoint first, so the file verifies alone.</summary>
    internal bool WillRoll => _rollPending;

    /// <inheritdoc />
    public override void Flush()
    {
        _stream.Flush(flushToDisk: true);
        WaitForClosing();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            // The log's last flush has already reported a failure of the closing; here it only finishes.
            try
            {
                WaitForClosing();
            }
            catch (IOException)
            {
            }
        }
    }

    // An fsync of a full 64 MiB file takes longer than the lines written meanwhile, so a rolled file is
    // made durable, closed and the oldest files deleted on a background task, one roll at a time; its
    // failure stops the log at the next line, flush or roll.
    private void Roll()
    {
        WaitForClosing();
        var full = _stream;
        full.Flush(flushToDisk: false);
        _stream = Open(++_index);
        _closing = Task.Run(() =>
        {
            using (full)
                full.Flush(flushToDisk: true);
            foreach (var old in ExistingFiles().OrderBy(IndexOf).SkipLast(_maxFiles))
                File.Delete(old);
        });
    }

    private void WaitForClosing() => _closing.GetAwaiter().GetResult();

    // A 64 KiB buffer: a line is a few hundred bytes, so the writer makes one write(2) per couple of hundred lines.
    private FileStream Open(int index) =>
        new(Path.Combine(_folder, $"decisions-{index.ToString("D6", CultureInfo.InvariantCulture)}.jsonl"), FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);

    // Only the end of the file is read, unless its last line is longer than that.
    private static LogChainTail? ReadTail(string path)
    {
        const int Window = 1 << 20;
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        var bytes = new byte[(int)Math.Min(length, Window)];
        RandomAccess.Read(file, bytes, length - bytes.Length);
        var lastBreak = Array.LastIndexOf(bytes, (byte)'\n');
        var lineStart = lastBreak > 0 ? Array.LastIndexOf(bytes, (byte)'\n', lastBreak - 1) : -1;
        if (bytes.Length < length && lineStart < 0)
            bytes = File.ReadAllBytes(path);
        return LogChainTail.Read(bytes, path);
    }

    private IEnumerable<string> ExistingFiles() => Directory.EnumerateFiles(_folder, "decisions-*.jsonl");

    private static int IndexOf(string path) =>
        int.TryParse(Path.GetFileNameWithoutExtension(path).AsSpan("decisions-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0;
}
