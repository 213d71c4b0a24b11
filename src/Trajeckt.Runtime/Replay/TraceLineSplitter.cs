namespace Trajeckt.Replay;

/// <summary>
/// Splits a trace into lines without holding more than one line: a fixed read buffer and one line
/// buffer that grows only up to <see cref="TraceReader.MaxLineLength"/>, so a huge or hostile file
/// cannot make the reader allocate without bound. Lines end at '\n'; a '\r' before it is JSON
/// whitespace and is left to the parser.
/// </summary>
internal sealed class TraceLineSplitter
{
    private readonly TextReader _reader;
    private readonly string _filePath;
    private readonly char[] _block = new char[4096];
    private int _blockStart;
    private int _blockEnd;
    private bool _endOfInput;
    private char[] _line = new char[256];
    private int _lineLength;

    public TraceLineSplitter(TextReader reader, string filePath)
    {
        _reader = reader;
        _filePath = filePath;
    }

    /// <summary>The 1-based number of the line last read; 0 before the first.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The text of the line last read, without its '\n'.</summary>
    public ReadOnlySpan<char> Line => _line.AsSpan(0, _lineLength);

    /// <summary>Reads the next line; <see langword="false"/> at the end of the input.</summary>
    /// <exception cref="TraceFormatException">The line is too long.</exception>
    public bool TryReadLine()
    {
        LineNumber++;
        _lineLength = 0;
        if (_blockStart == _blockEnd && !FillBlock())
        {
            LineNumber--;
            return false;
        }
        while (true)
        {
            if (_blockStart == _blockEnd && !FillBlock())
                return true; // the last line has no '\n'
            var available = _block.AsSpan(_blockStart, _blockEnd - _blockStart);
            var newline = available.IndexOf('\n');
            var take = newline < 0 ? available : available[..newline];
            Append(take);
            _blockStart += take.Length;
            if (newline >= 0)
            {
                _blockStart++;
                return true;
            }
        }
    }

    private bool FillBlock()
    {
        if (_endOfInput)
            return false;
        var read = _reader.Read(_block, 0, _block.Length);
        _blockStart = 0;
        _blockEnd = read;
        _endOfInput = read == 0;
        return read > 0;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        var needed = _lineLength + text.Length;
        if (needed > TraceReader.MaxLineLength)
        {
            throw new TraceFormatException(TraceErrorCode.LineTooLong, _filePath, LineNumber, TraceReader.MaxLineLength + 1,
                $"the line is longer than {TraceReader.MaxLineLength} characters");
        }
        if (needed > _line.Length)
            Array.Resize(ref _line, Math.Min(TraceReader.MaxLineLength, Math.Max(needed, _line.Length * 2)));
        text.CopyTo(_line.AsSpan(_lineLength));
        _lineLength = needed;
    }
}
