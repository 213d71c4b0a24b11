namespace Trajeckt.Traj.Syntax;

// Maps character offsets to 1-based line and UTF-16 column. Line breaks are \n, \r\n and \r, the
// same set the lexer treats as ending a line, so a position reads the same in every editor.
internal sealed class LineMap
{
    private readonly int[] _lineStarts;

    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
        TextLength = text.Length;
    }

    public int TextLength { get; }

    /// <summary>Line and column of an offset (clamped into the text), both 1-based.</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, TextLength));
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
            index = ~index - 1;
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    public SourceLocation GetLocation(string filePath, TextSpan span)
    {
        var start = Math.Max(0, Math.Min(span.Start, TextLength));
        var length = Math.Max(0, Math.Min(span.Length, TextLength - start));
        var (line, column) = GetPosition(start);
        return new SourceLocation(filePath, line, column, start, length);
    }
}
