using System.Buffers;
using System.Globalization;
using System.Text;

namespace Trajeckt.Audit;

/// <summary>
/// A decision log line written by hand, for the common line whose every string is plain ASCII that JSON
/// never escapes: the bytes <see cref="System.Text.Json.Utf8JsonWriter"/> would write (LogLineWriterTests
/// compare the two), without its per-value validation and escaping scans, which were a third of the
/// writer's line. Each step returns <see langword="false"/> when it cannot write plainly (a character
/// outside the plain set, a full buffer); the caller then writes the line with the JSON writer.
/// </summary>
internal sealed class PlainJsonLine
{
    // A subset of what the default JavaScriptEncoder leaves alone: it escapes " \ & ' + < > ` and controls.
    private static readonly SearchValues<char> s_plain =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 !#$%()*,-./:;=?@[]^_{|}~");

    private readonly byte[] _bytes = new byte[1024];
    private int _length;

    /// <summary>The line so far.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Bytes that are already JSON (punctuation, names, hex, times).</summary>
    public bool Raw(ReadOnlySpan<byte> utf8)
    {
        if (!utf8.TryCopyTo(_bytes.AsSpan(_length)))
            return false;
        _length += utf8.Length;
        return true;
    }

    public bool Number(long value)
    {
        if (!value.TryFormat(_bytes.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture))
            return false;
        _length += written;
        return true;
    }

    /// <summary>A quoted string, if every character of it is plain.</summary>
    public bool String(string value)
    {
        if (value.AsSpan().ContainsAnyExcept(s_plain) || _bytes.Length - _length < value.Length + 2)
            return false;
        _bytes[_length++] = (byte)'"';
        _length += Encoding.ASCII.GetBytes(value, _bytes.AsSpan(_length));
        _bytes[_length++] = (byte)'"';
        return true;
    }
}
