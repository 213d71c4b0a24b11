using System.Text.Json;
using NSec.Cryptography;
using Trajeckt.Sealing;

namespace Trajeckt.Audit;

/// <summary>
/// Verifies a decision log (one file of it) against the public key of its checkpoints and names the
/// first entry that was altered, removed, reordered, or appended after the last checkpoint
/// (docs/rollout.md, "Verifying a log"); <c>trajeckt log verify</c> also checks that each file of a
/// folder continues the one before it.
/// </summary>
public static class DecisionLogVerifier
{
    private readonly record struct Entry(long Seq, string Prev, string Hash, string? Signature, string? KeyId, string? Time);

    /// <summary>Verifies a log file.</summary>
    /// <param name="path">The log file.</param>
    /// <param name="key">The public key whose private half signed the checkpoints.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DecisionLogVerification VerifyFile(string path, OperatorPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Verify(File.ReadAllBytes(path), key);
    }

    /// <summary>Verifies a log's bytes (JSON Lines, <c>\n</c> line ends).</summary>
    /// <param name="log">The log.</param>
    /// <param name="key">The public key whose private half signed the checkpoints.</param>
    public static DecisionLogVerification Verify(ReadOnlySpan<byte> log, OperatorPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entries = new List<Entry>();
        var rest = log;
        while (rest.Length > 0)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (!TryParse(line, out var entry))
            {
                var guess = entries.Count == 0 ? 1 : entries[^1].Seq + 1;
                return Bad(entries.Count, 0, guess, entries.Count + 1, $"line {entries.Count + 1} is not a log entry: entry {guess} was altered or a line was inserted");
            }
            entries.Add(entry);
        }
        if (entries.Count == 0)
            return Bad(0, 0, 1, 1, "the log is empty");

        var first = entries[0];
        if (first.Signature is null)
            return Bad(entries.Count, 0, Math.Max(1, first.Seq - 1), 1, "the log does not start with a signed checkpoint: its first entry was removed or altered");
        if ((first.Seq == 1 && first.Prev != LogChain.Genesis) || !SignatureHolds(first, key, fileStart: true))
            return Bad(entries.Count, 0, first.Seq, 1, $"entry {first.Seq} (the opening checkpoint) was altered: its signature does not verify with key {key.KeyId}");

        long checkpoints = 1;
        var lastCheckpoint = 0;
        var seqLines = new Dictionary<long, int>();
        for (var i = 0; i < entries.Count; i++)
            seqLines.TryAdd(entries[i].Seq, i);
        for (var i = 1; i < entries.Count; i++)
        {
            var expected = first.Seq + i;
            var entry = entries[i];
            var chained = entry.Prev == entries[i - 1].Hash;
            if (entry.Seq != expected)
            {
                if (chained)
                    return Bad(entries.Count, checkpoints, expected, i + 1, $"entry {expected} was altered: its seq reads {entry.Seq}");
                if (seqLines.TryGetValue(expected, out var at) && at > i)
                    return Bad(entries.Count, checkpoints, expected, i + 1, $"entry {expected} was moved: it is on line {at + 1}, out of order");
                if (entry.Seq > expected)
                    return Bad(entries.Count, checkpoints, expected, i + 1, $"entry {expected} was removed");
                return Bad(entries.Count, checkpoints, entry.Seq, i + 1, $"entry {entry.Seq} appears again on line {i + 1}: it was copied or moved");
            }
            if (!chained)
            {
                var nextChained = i + 1 >= entries.Count || entries[i + 1].Prev == entry.Hash;
                var altered = nextChained ? expected - 1 : expected;
                return Bad(entries.Count, checkpoints, altered, i + 1, $"entry {altered} was altered: the chain breaks at line {i + (nextChained ? 1 : 2)}");
            }
            if (entry.Signature is not null)
            {
                if (!SignatureHolds(entry, key, fileStart: false) && !SignatureHolds(entry, key, fileStart: true))
                    return Bad(entries.Count, checkpoints, expected, i + 1, $"entry {expected} (a checkpoint) was altered: its signature does not verify with key {key.KeyId}");
                checkpoints++;
                lastCheckpoint = i;
            }
        }
        if (lastCheckpoint < entries.Count - 1)
        {
            var tail = entries[lastCheckpoint + 1].Seq;
            return Bad(entries.Count, checkpoints, tail, lastCheckpoint + 2,
                $"entries from {tail} on are not covered by a checkpoint: appended after the last checkpoint (entry {entries[lastCheckpoint].Seq}), or the final checkpoint was removed");
        }
        return new DecisionLogVerification(entries.Count, checkpoints, null, null, null, new LogEnds(first.Seq, first.Prev, entries[^1].Seq, entries[^1].Hash));
    }

    /// <summary>
    /// Whether a verified file continues the verified file before it in the same log folder: its first entry
    /// is the next <c>seq</c> and chains to the other's last line. A file removed between them, a file
    /// replaced, or a log restarted without its earlier files breaks this (a sink reopened on the folder
    /// continues the chain).
    /// </summary>
    /// <returns><see langword="null"/> when it does; else the first entry missing or wrong, and why.</returns>
    internal static (long FirstBadEntry, string Problem)? CheckContinues(LogEnds before, string beforeName, LogEnds after)
    {
        var next = before.LastSeq + 1;
        if (after.FirstSeq == 1)
            return (next, $"it starts a new chain (entry 1) instead of continuing {beforeName}, which ends at entry {before.LastSeq}: a file was replaced, or the log was started again without the files before it");
        if (after.FirstSeq > next)
            return (next, $"entries {next} to {after.FirstSeq - 1} were removed: it starts at entry {after.FirstSeq}, and {beforeName} ends at entry {before.LastSeq}");
        if (after.FirstSeq < next)
            return (after.FirstSeq, $"entry {after.FirstSeq} appears again: {beforeName} already ends at entry {before.LastSeq} (a file copied, or the files given out of order)");
        if (after.FirstPrev != before.LastHash)
            return (after.FirstSeq, $"entry {after.FirstSeq} does not chain to the last line of {beforeName}: one of the two files was replaced");
        return null;
    }

    private static DecisionLogVerification Bad(long entries, long checkpoints, long seq, int line, string problem) =>
        new(entries, checkpoints, seq, line, problem);

    private static bool SignatureHolds(Entry entry, OperatorPublicKey key, bool fileStart)
    {
        if (entry.KeyId != key.KeyId)
            return false;
        Span<byte> signature = stackalloc byte[64];
        if (!Convert.TryFromBase64String(entry.Signature!, signature, out var written) || written != 64)
            return false;
        return SignatureAlgorithm.Ed25519.Verify(key.Key, LogChain.CheckpointMessage(entry.Seq, entry.Prev, entry.Time ?? "", key.KeyId, fileStart), signature);
    }

    /// <summary>The <c>seq</c> and chain hash of a line that parses as a log entry.</summary>
    internal static bool TryReadEntry(ReadOnlySpan<byte> line, out long seq, out string hash)
    {
        var parsed = TryParse(line, out var entry);
        (seq, hash) = (entry.Seq, entry.Hash);
        return parsed;
    }

    private static bool TryParse(ReadOnlySpan<byte> line, out Entry entry)
    {
        entry = default;
        long? seq = null;
        string? prev = null, signature = null, keyId = null, time = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "seq" when reader.TokenType == JsonTokenType.Number && seq is null:
                        seq = reader.GetInt64();
                        break;
                    case "prev" when reader.TokenType == JsonTokenType.String && prev is null:
                        prev = reader.GetString();
                        break;
                    case "checkpoint" when reader.TokenType == JsonTokenType.String && signature is null:
                        signature = reader.GetString();
                        break;
                    case "key" when reader.TokenType == JsonTokenType.String && keyId is null:
                        keyId = reader.GetString();
                        break;
                    case "time" when reader.TokenType == JsonTokenType.String && time is null:
                        time = reader.GetString();
                        break;
                    case "seq" or "prev" or "checkpoint" or "key" or "time":
                        return false;
                    default:
                        reader.Skip();
                        break;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return false;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        if (seq is null || prev is null)
            return false;
        entry = new Entry(seq.Value, prev, LogChain.Hash(line), signature, keyId, time);
        return true;
    }
}
