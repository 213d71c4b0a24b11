namespace Trajeckt.Sessions;

/// <summary>
/// Reads the fields <see cref="StateWriter"/> wrote. Every read is a <c>Try</c> that fails on a short
/// or malformed input instead of throwing, so decoding untrusted bytes never throws.
/// </summary>
internal ref struct StateReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public StateReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool AtEnd => _position == _data.Length;

    public bool TryByte(out byte value)
    {
        if (_position >= _data.Length)
        {
            value = 0;
            return false;
        }
        value = _data[_position++];
        return true;
    }

    public bool TryBytes(int count, out ReadOnlySpan<byte> value)
    {
        if (count < 0 || count > _data.Length - _position)
        {
            value = default;
            return false;
        }
        value = _data.Slice(_position, count);
        _position += count;
        return true;
    }

    /// <summary>Reads an unsigned LEB128 varint in its shortest form whose value is at most <paramref name="max"/>.</summary>
    public bool TryVarint(long max, out long value)
    {
        value = 0;
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (!TryByte(out var b))
                return false;
            var bits = (ulong)(b & 0x7F);
            if (shift == 63 && bits > 1)
                return false;
            result |= bits << shift;
            if ((b & 0x80) == 0)
            {
                // One encoding per value: a trailing zero byte would let two blobs mean the same state.
                if (b == 0 && shift > 0)
                    return false;
                if (result > (ulong)max)
                    return false;
                value = (long)result;
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads a varint that must fit an <see cref="int"/> no greater than <paramref name="max"/>.</summary>
    public bool TryInt(int max, out int value)
    {
        var ok = TryVarint(max, out var wide);
        value = (int)wide;
        return ok;
    }

    public bool TryUInt64(out ulong value)
    {
        if (!TryBytes(8, out var bytes))
        {
            value = 0;
            return false;
        }
        value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        return true;
    }
}
