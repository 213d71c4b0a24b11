using System.Text;

namespace Trajeckt.Replay;

/// <summary>
/// Decodes each invalid UTF-8 byte sequence to U+FFFF, a noncharacter that no trace has reason to
/// hold (it is rejected wherever it appears; JSON can still escape it). A <see cref="StreamReader"/> decodes whole blocks ahead of the line being read, so an
/// exception there could not say which line is bad; the marker travels with the text instead, and
/// the reader stops at it on the right line and column. (.NET refuses a lone surrogate as a marker.)
/// </summary>
internal sealed class InvalidUtf8Marker : DecoderFallback
{
    public const char Marker = '\uFFFF';

    /// <summary>UTF-8 that marks invalid bytes; its preamble makes <see cref="StreamReader"/> skip a byte order mark.</summary>
    public static Encoding FileEncoding { get; } = CreateFileEncoding();

    public override int MaxCharCount => 1;

    private static Encoding CreateFileEncoding()
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).Clone();
        encoding.DecoderFallback = new InvalidUtf8Marker();
        return encoding;
    }

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new MarkerBuffer();

    private sealed class MarkerBuffer : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
                return '\0';
            _pending = false;
            return Marker;
        }

        public override bool MovePrevious() => false;

        public override void Reset() => _pending = false;
    }
}
