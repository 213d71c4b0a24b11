namespace Trajeckt.Traj.IO;

/// <summary>
/// Reads a file or stream whole, but never more than a cap plus one byte: a graph, seal, key or policy
/// has a size limit, and an endless or huge input (<c>/dev/zero</c>, a FIFO, a stream that never ends)
/// must be refused at that limit, not after it has exhausted memory. A file's reported length is not
/// trusted (devices and <c>/proc</c> files report 0), so every read counts the bytes it gets.
/// </summary>
internal static class BoundedRead
{
    private const int ChunkBytes = 81920;

    /// <summary>The stream's bytes to its end, or <see langword="false"/> as soon as it holds more than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="IOException">Reading failed.</exception>
    /// <exception cref="NotSupportedException">The stream cannot be read.</exception>
    /// <exception cref="ObjectDisposedException">The stream is closed.</exception>
    public static bool TryReadToEnd(Stream stream, int maxBytes, out byte[] bytes)
    {
        if (stream is null)
            throw new ArgumentNullException(nameof(stream));
        if (maxBytes < 0 || maxBytes == int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The cap is at least 0 and leaves room for one byte more.");
        var limit = maxBytes + 1;
        var buffer = new byte[Math.Min(limit, ChunkBytes)];
        var length = 0;
        while (length < limit)
        {
            if (length == buffer.Length)
                Array.Resize(ref buffer, (int)Math.Min(limit, 2L * buffer.Length));
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
                break;
            length += read;
        }
        if (length > maxBytes)
        {
            bytes = Array.Empty<byte>();
            return false;
        }
        if (length != buffer.Length)
            Array.Resize(ref buffer, length);
        bytes = buffer;
        return true;
    }

    /// <summary>
    /// A file's bytes, or a one-line reason without the path: the file does not exist, cannot be read, or
    /// holds more than <paramref name="maxBytes"/> bytes (then <paramref name="what"/> names what it is not).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <param name="what">What the file should be, for the message: "a graph encoding".</param>
    /// <param name="bytes">The bytes, or empty.</param>
    /// <param name="error">Why the file was refused, or <see langword="null"/>.</param>
    public static bool TryReadFile(string path, int maxBytes, string what, out byte[] bytes, out string? error)
    {
        bytes = Array.Empty<byte>();
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            if (TryReadToEnd(stream, maxBytes, out bytes))
            {
                error = null;
                return true;
            }
            error = TooLarge(maxBytes, what);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            error = "the file does not exist";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot read the file: {ex.Message}";
        }
        return false;
    }

    /// <summary>The message for an input over its cap.</summary>
    public static string TooLarge(int maxBytes, string what) =>
        $"the input is larger than {maxBytes} bytes, the most {what} may have";
}
