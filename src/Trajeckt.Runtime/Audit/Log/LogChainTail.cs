using System.Text;

namespace Trajeckt.Audit;

/// <summary>
/// Where an existing log ends: the <c>seq</c> of its last entry and that line's hash. A log reopened on the
/// same folder continues from it, so a whole file, or a whole run of the application, cannot be removed
/// without <c>trajeckt log verify</c> seeing the gap.
/// </summary>
internal sealed record LogChainTail(long Seq, string Hash)
{
    /// <summary>
    /// The tail of a log file's bytes: its last complete line (a line cut short by a crash, with no line
    /// break after it, is not an entry and stays for the verifier to report), or <see langword="null"/>
    /// when it has no complete line.
    /// </summary>
    /// <exception cref="InvalidDataException">The last complete line is not a log entry.</exception>
    public static LogChainTail? Read(ReadOnlySpan<byte> log, string path)
    {
        var end = log.LastIndexOf((byte)'\n');
        if (end < 0)
            return null;
        var complete = log[..end];
        var line = complete[(complete.LastIndexOf((byte)'\n') + 1)..];
        if (!DecisionLogVerifier.TryReadEntry(line, out var seq, out var hash))
        {
            throw new InvalidDataException(
                $"{path}: its last line is not a decision log entry, so a log opened on this folder cannot continue its chain; "
                + "verify the file (trajeckt log verify) and move it out of the folder.");
        }
        return new LogChainTail(seq, hash);
    }

    /// <summary>The hash as the 64 ASCII bytes a line's <c>prev</c> holds.</summary>
    public byte[] HashBytes() => Encoding.ASCII.GetBytes(Hash);
}
