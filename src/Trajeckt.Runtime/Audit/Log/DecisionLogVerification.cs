namespace Trajeckt.Audit;

/// <summary>The outcome of verifying a decision log: valid, or the first entry that was tampered with.</summary>
public sealed class DecisionLogVerification
{
    internal DecisionLogVerification(long entries, long checkpoints, long? firstBadEntry, int? line, string? problem, LogEnds? ends = null)
    {
        Entries = entries;
        Checkpoints = checkpoints;
        FirstBadEntry = firstBadEntry;
        Line = line;
        Problem = problem;
        Ends = ends;
    }

    /// <summary>Where a valid file's chain begins and ends, to check that the next file continues it.</summary>
    internal LogEnds? Ends { get; }

    /// <summary>Whether every entry is chained, in order, and covered by a valid checkpoint signature.</summary>
    public bool IsValid => Problem is null;

    /// <summary>The lines of the log (entries and checkpoints).</summary>
    public long Entries { get; }

    /// <summary>The valid checkpoints.</summary>
    public long Checkpoints { get; }

    /// <summary>The <c>seq</c> of the first entry that was altered, removed, reordered or appended after the last checkpoint.</summary>
    public long? FirstBadEntry { get; }

    /// <summary>The 1-based line of the file where the problem shows.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, as one sentence; <see langword="null"/> when the log is valid.</summary>
    public string? Problem { get; }
}

/// <summary>A verified file's first entry (its <c>seq</c> and <c>prev</c>) and last entry (its <c>seq</c> and hash).</summary>
internal sealed record LogEnds(long FirstSeq, string FirstPrev, long LastSeq, string LastHash);
