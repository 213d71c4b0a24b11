using System.Text;

namespace Trajeckt.Replay;

/// <summary>
/// Reads a recorded trace (JSON Lines, docs/semantics.md, traces) one event at a time. It holds one line at
/// a time and never the whole trace, so a trace of any length is read in bounded memory. Reading is
/// strict: the first invalid line throws a <see cref="TraceFormatException"/> that names the file,
/// line and column.
/// </summary>
/// <remarks>
/// Reading stops at the first error, after the events before it were returned; every later read
/// throws the same error, so a bad line is never skipped. To act only on valid
/// traces, read a trace through once to validate it (<see cref="Validate(TextReader, string)"/>),
/// then read it again to use it.
/// </remarks>
public sealed class TraceReader : IDisposable
{
    /// <summary>The longest line, in UTF-16 code units, that a trace may have.</summary>
    public const int MaxLineLength = 1 << 20;

    // Text to UTF-8 for the JSON reader; an unpaired surrogate throws.
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly TextReader _reader;
    private readonly bool _leaveOpen;
    private readonly TraceLineSplitter _lines;
    private readonly TraceLineParser _parser;
    private byte[] _utf8 = new byte[1024];
    private TraceOptions? _options;
    private TraceEvent? _pending;
    private bool _sawFirstLine;
    private int _step;
    private TraceFormatException? _failure;

    /// <summary>Creates a reader over trace text.</summary>
    /// <param name="reader">The trace text.</param>
    /// <param name="filePath">The name errors give the trace, e.g. its path.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="reader"/> open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="filePath"/> is <see langword="null"/>.</exception>
    public TraceReader(TextReader reader, string filePath, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(filePath);
        _reader = reader;
        _leaveOpen = leaveOpen;
        FilePath = filePath;
        _lines = new TraceLineSplitter(reader, filePath);
        _parser = new TraceLineParser(filePath);
    }

    /// <summary>The name errors give the trace.</summary>
    public string FilePath { get; }

    /// <summary>Opens a trace file, which must be UTF-8 (a byte order mark is allowed).</summary>
    /// <param name="path">The file's path; errors name the file this way.</param>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static TraceReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new TraceReader(new StreamReader(path, InvalidUtf8Marker.FileEncoding, detectEncodingFromByteOrderMarks: false), path);
    }

    /// <summary>Reads a whole trace and throws at its first invalid line; returns its options.</summary>
    /// <param name="reader">The trace text.</param>
    /// <param name="filePath">The name errors give the trace.</param>
    /// <exception cref="TraceFormatException">The trace is invalid.</exception>
    public static TraceOptions Validate(TextReader reader, string filePath)
    {
        using var trace = new TraceReader(reader, filePath, leaveOpen: true);
        return trace.ReadToEnd();
    }

    /// <summary>Reads a whole trace file and throws at its first invalid line; returns its options.</summary>
    /// <param name="path">The file's path; errors name the file this way.</param>
    /// <exception cref="TraceFormatException">The trace is invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static TraceOptions ValidateFile(string path)
    {
        using var trace = Open(path);
        return trace.ReadToEnd();
    }

    /// <summary>
    /// Returns the trace's options: those of its first non-blank line if it is an options line,
    /// else <see cref="TraceOptions.Default"/>. Reads ahead at most one line, which the next
    /// <see cref="Read"/> returns.
    /// </summary>
    /// <exception cref="TraceFormatException">The first non-blank line is invalid.</exception>
    public TraceOptions ReadOptions()
    {
        if (_options is null)
        {
            var first = ReadLine();
            _options ??= TraceOptions.Default;
            _pending = first;
        }
        return _options;
    }

    /// <summary>Reads the next event, skipping blank lines and notes; <see langword="null"/> at the end of the trace.</summary>
    /// <exception cref="TraceFormatException">The line is invalid.</exception>
    public TraceEvent? Read()
    {
        ReadOptions();
        if (_pending is not null)
        {
            var pending = _pending;
            _pending = null;
            return pending;
        }
        return ReadLine();
    }

    /// <summary>Closes the underlying reader unless the reader was created to leave it open.</summary>
    public void Dispose()
    {
        if (!_leaveOpen)
            _reader.Dispose();
    }

    private TraceOptions ReadToEnd()
    {
        var options = ReadOptions();
        while (Read() is not null)
        {
        }
        return options;
    }

    // The next event; an options line on the first non-blank line sets _options on the way.
    private TraceEvent? ReadLine()
    {
        // A reader that failed stays failed: resuming after a bad line would silently skip it.
        if (_failure is not null)
            throw _failure;
        try
        {
            return ReadEventLine();
        }
        catch (TraceFormatException ex)
        {
            _failure = ex;
            throw;
        }
    }

    private TraceEvent? ReadEventLine()
    {
        while (_lines.TryReadLine())
        {
            var text = _lines.Line;
            if (IsBlank(text))
                continue;
            var isFirstLine = !_sawFirstLine;
            _sawFirstLine = true;
            var traceEvent = _parser.Parse(ToUtf8(text), _lines.LineNumber, _step + 1, isFirstLine, out var options);
            if (options is not null)
                _options = options;
            if (traceEvent is not null)
            {
                _step++;
                return traceEvent;
            }
        }
        return null;
    }

    private static bool IsBlank(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(" \t\r") < 0;

    private ReadOnlySpan<byte> ToUtf8(ReadOnlySpan<char> text)
    {
        var marker = text.IndexOf(InvalidUtf8Marker.Marker);
        if (marker >= 0)
            throw InvalidText(marker);
        var max = s_strictUtf8.GetMaxByteCount(text.Length);
        if (max > _utf8.Length)
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        try
        {
            return _utf8.AsSpan(0, s_strictUtf8.GetBytes(text, _utf8));
        }
        catch (EncoderFallbackException ex)
        {
            throw InvalidText(ex.Index);
        }
    }

    private TraceFormatException InvalidText(int index) =>
        new(TraceErrorCode.InvalidEncoding, FilePath, _lines.LineNumber, index + 1,
            "the line is not valid text: an invalid UTF-8 byte, an unpaired surrogate or U+FFFF");
}
