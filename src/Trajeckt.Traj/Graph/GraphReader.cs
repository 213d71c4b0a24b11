using System.Text;

namespace Trajeckt.Traj.Graph;

/// <summary>
/// Reads the primitive values of the graph format from a byte array, refusing anything malformed with a
/// <see cref="GraphFormatException"/> that names the offset. Counts are checked against the bytes that
/// remain before anything is allocated for them.
/// </summary>
internal sealed class GraphReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _bytes;

    public GraphReader(byte[] bytes) => _bytes = bytes;

    /// <summary>The offset of the next byte to read.</summary>
    public int Position { get; private set; }

    /// <summary>The bytes not read yet.</summary>
    public int Remaining => _bytes.Length - Position;

    public byte ReadByte(Subject what)
    {
        if (Position >= _bytes.Length)
            throw Fail(GraphFormatErrorKind.Truncated, Position, $"The encoding ends where {what} was expected.");
        return _bytes[Position++];
    }

    /// <summary>Reads <paramref name="count"/> raw bytes; the caller has checked that they remain.</summary>
    public byte[] ReadBytes(int count)
    {
        var bytes = new byte[count];
        Buffer.BlockCopy(_bytes, Position, bytes, 0, count);
        Position += count;
        return bytes;
    }

    /// <summary>Reads a byte that must be 0 or 1.</summary>
    public bool ReadFlag(Subject what)
    {
        var at = Position;
        var value = ReadByte(what);
        if (value > 1)
            throw Fail(GraphFormatErrorKind.InvalidValue, at, $"{what.Capitalized()} is {value}; it must be 0 or 1.");
        return value == 1;
    }

    public Trust ReadTrust(Subject what)
    {
        var at = Position;
        var value = ReadByte(what);
        if (value > GraphFormat.MaxTrust)
            throw Fail(GraphFormatErrorKind.InvalidValue, at, $"{what.Capitalized()} is {value}, which is no trust level (0 to {GraphFormat.MaxTrust}).");
        return (Trust)value;
    }

    /// <summary>Reads an unsigned LEB128 varint of minimal length whose value fits in an <see cref="int"/>.</summary>
    public int ReadVarint(Subject what)
    {
        // Most values (gaps, targets, short lengths) are one byte.
        if (Position < _bytes.Length && _bytes[Position] < 0x80)
            return _bytes[Position++];
        var at = Position;
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = ReadByte(what);
            value |= (ulong)(b & 0x7F) << shift;
            if (value > int.MaxValue)
                throw Fail(GraphFormatErrorKind.LengthOutOfRange, at, $"{what.Capitalized()} is larger than {int.MaxValue}.");
            if ((b & 0x80) != 0 && shift >= 28)
                throw Fail(GraphFormatErrorKind.LengthOutOfRange, at, $"{what.Capitalized()} is a varint longer than 5 bytes.");
            if ((b & 0x80) == 0)
            {
                if (b == 0 && shift > 0)
                    throw Fail(GraphFormatErrorKind.NotCanonical, at, $"{what.Capitalized()} is a varint with needless trailing zero bytes.");
                return (int)value;
            }
        }
    }

    /// <summary>
    /// Reads a count of items that each take at least <paramref name="minBytesEach"/> bytes and of which
    /// there may be at most <paramref name="limit"/>.
    /// </summary>
    public int ReadCount(Subject what, int minBytesEach, int limit, GraphFormatErrorKind overLimit)
    {
        var at = Position;
        var count = ReadVarint(what);
        if (count > limit)
            throw Fail(overLimit, at, $"{what.Capitalized()} is {count}; at most {limit} are allowed.");
        if ((long)count * minBytesEach > Remaining)
            throw Fail(GraphFormatErrorKind.LengthOutOfRange, at, $"{what.Capitalized()} is {count}, more than the {Remaining} remaining bytes can hold.");
        return count;
    }

    /// <summary>Reads a non-empty name: a varint byte length and strictly valid UTF-8.</summary>
    public string ReadName(Subject what)
    {
        var at = Position;
        var length = ReadVarint(what.With("'s length"));
        if (length > GraphLimits.MaxNameBytes)
            throw Fail(GraphFormatErrorKind.TooLarge, at, $"{what.Capitalized()} is {length} bytes long; at most {GraphLimits.MaxNameBytes} are allowed.");
        if (length > Remaining)
            throw Fail(GraphFormatErrorKind.Truncated, at, $"{what.Capitalized()} is {length} bytes long but only {Remaining} bytes remain.");
        if (length == 0)
            throw Fail(GraphFormatErrorKind.InvalidValue, at, $"{what.Capitalized()} is empty.");
        string value;
        try
        {
            value = StrictUtf8.GetString(_bytes, Position, length);
        }
        catch (DecoderFallbackException)
        {
            throw Fail(GraphFormatErrorKind.InvalidUtf8, Position, $"{what.Capitalized()} is not valid UTF-8.");
        }
        Position += length;
        return value;
    }

    /// <summary>
    /// Reads an ascending index list (count, first index, then each gap minus one) of indices below
    /// <paramref name="bound"/>; being strictly ascending, it has at most <paramref name="bound"/> entries.
    /// </summary>
    public int[] ReadAscending(Subject what, int bound, string referent)
    {
        var count = ReadCount(what, 1, bound, GraphFormatErrorKind.LengthOutOfRange);
        var values = new int[count];
        for (var i = 0; i < count; i++)
            values[i] = ReadNextAscending(what, i == 0 ? -1 : values[i - 1], bound, referent);
        return values;
    }

    /// <summary>Reads one gap-coded entry of an ascending list whose previous entry is <paramref name="previous"/> (-1 for none).</summary>
    public int ReadNextAscending(Subject what, int previous, int bound, string referent)
    {
        var at = Position;
        var value = (long)previous + 1 + ReadVarint(what);
        if (value >= bound)
            throw Fail(GraphFormatErrorKind.InvalidReference, at, $"{what.Capitalized()} refers to {referent} {value}, but there are only {bound}.");
        return (int)value;
    }

    public static GraphFormatException Fail(GraphFormatErrorKind kind, long offset, string message) =>
        new(new GraphFormatError(kind, offset, message));
}
