using System.Text;

namespace Trajeckt.Traj.Graph;

/// <summary>Appends the primitive values of the graph format: bytes, LEB128 varints, UTF-8 strings.</summary>
internal sealed class ByteWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _buffer = new byte[256];
    private int _length;

    public void WriteByte(byte value)
    {
        Reserve(1);
        _buffer[_length++] = value;
    }

    public void WriteBytes(byte[] values)
    {
        Reserve(values.Length);
        Buffer.BlockCopy(values, 0, _buffer, _length, values.Length);
        _length += values.Length;
    }

    /// <summary>Writes a non-negative value as an unsigned LEB128 varint of minimal length.</summary>
    public void WriteVarint(int value)
    {
        if (value < 0)
            throw new ArgumentOutOfRangeException(nameof(value), value, "The graph format stores no negative values.");
        var remaining = (uint)value;
        while (remaining >= 0x80)
        {
            WriteByte((byte)(remaining | 0x80));
            remaining >>= 7;
        }
        WriteByte((byte)remaining);
    }

    /// <summary>Writes a string as its UTF-8 byte length (varint) and bytes.</summary>
    /// <exception cref="ArgumentException">The string has a lone surrogate, which no UTF-8 can represent.</exception>
    public void WriteString(string value)
    {
        byte[] bytes;
        try
        {
            bytes = Utf8.GetBytes(value);
        }
        catch (EncoderFallbackException exception)
        {
            throw new ArgumentException($"The name '{value}' is not well-formed UTF-16 (it has a lone surrogate).", nameof(value), exception);
        }
        WriteVarint(bytes.Length);
        WriteBytes(bytes);
    }

    /// <summary>Writes an ascending index list: its count, the first index, then each gap minus one.</summary>
    public void WriteAscending(IReadOnlyList<int> values)
    {
        WriteVarint(values.Count);
        for (var i = 0; i < values.Count; i++)
            WriteVarint(i == 0 ? values[0] : values[i] - values[i - 1] - 1);
    }

    public byte[] ToArray()
    {
        var result = new byte[_length];
        Buffer.BlockCopy(_buffer, 0, result, 0, _length);
        return result;
    }

    private void Reserve(int count)
    {
        if (_length + count <= _buffer.Length)
            return;
        var capacity = _buffer.Length;
        while (capacity < _length + count)
            capacity *= 2;
        Array.Resize(ref _buffer, capacity);
    }
}
