using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Trajeckt.Audit;

/// <summary>
/// The decision log's tamper evidence: every line carries <c>prev</c>, the SHA-256 (lowercase hex) of
/// the line before it (64 zeros for the first line of a log), and <c>seq</c>, its 1-based number; a
/// checkpoint line signs, with Ed25519, its own <c>seq</c> and <c>prev</c>, and so the whole chain
/// before it.
/// </summary>
internal static class LogChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private const string Domain = "trajeckt-decision-log-checkpoint-v1";

    public static string Hash(ReadOnlySpan<byte> line) => Convert.ToHexStringLower(SHA256.HashData(line));

    /// <summary>The same hash as <see cref="Hash(ReadOnlySpan{byte})"/>, by <paramref name="hasher"/>, as 64 ASCII bytes into <paramref name="hexDestination"/>, allocating nothing.</summary>
    public static void Hash(ChainHasher hasher, ReadOnlySpan<byte> line, Span<byte> hexDestination)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hasher.Hash(line, digest);
        for (var i = 0; i < digest.Length; i++)
        {
            hexDestination[2 * i] = (byte)HexDigits[digest[i] >> 4];
            hexDestination[(2 * i) + 1] = (byte)HexDigits[digest[i] & 0xF];
        }
    }

    private const string HexDigits = "0123456789abcdef";

    /// <summary>
    /// The bytes a checkpoint's signature covers: every other field of its line. A file's first checkpoint
    /// signs <c>start</c>, the others <c>chain</c>: cutting a file's first lines off up to a later
    /// checkpoint does not make a valid file.
    /// </summary>
    public static byte[] CheckpointMessage(long seq, string prev, string time, string keyId, bool fileStart) =>
        Encoding.UTF8.GetBytes($"{Domain}\n{seq.ToString(CultureInfo.InvariantCulture)}\n{prev}\n{time}\n{keyId}\n{(fileStart ? "start" : "chain")}");
}
