using System.Diagnostics.CodeAnalysis;
using Trajeckt.Traj.IO;

namespace Trajeckt.Sealing;

/// <summary>
/// Reading and writing the small files of sealing: reads are bounded (a key or seal file is a few
/// hundred bytes, so a huge file is refused before it is parsed) and writes are atomic.
/// </summary>
internal static class SealingFileIO
{
    /// <summary>The largest key or seal file read.</summary>
    public const int MaxFileBytes = 64 * 1024;

    public static bool TryReadBounded(string path, out byte[] bytes, [NotNullWhen(false)] out SealingFormatError? error)
    {
        if (BoundedRead.TryReadFile(path, MaxFileBytes, "a key or seal file", out bytes, out var reason))
        {
            error = null;
            return true;
        }
        error = Unreadable(path, reason!);
        return false;
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to a new file beside <paramref name="path"/> and renames it into
    /// place, so a reader never sees half a file. With <paramref name="ownerOnly"/> the file is created
    /// with mode 0600 on Unix: it is never readable by others, not even before the rename.
    /// </summary>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false, or the write failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes, bool overwrite, bool ownerOnly)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (ownerOnly && !OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite);
        }
        finally
        {
            // After a successful move the temporary name is gone; after a failure it must not linger.
            File.Delete(temporary);
        }
    }

    private static SealingFormatError Unreadable(string path, string message) =>
        new(SealingFormatErrorKind.Unreadable, message, filePath: path);
}
