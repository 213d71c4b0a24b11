using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Sessions;

/// <summary>
/// The frame of a session state (docs/sessions.md): magic <c>TRJS</c>, format version, the graph
/// digest, the body, and the first 8 bytes of the SHA-256 of everything before them. The checksum makes
/// every altered or truncated state fail to open; it is not a MAC (see <see cref="SessionStateProtector"/>).
/// </summary>
internal static class SessionStateFormat
{
    public const byte FormatVersion = 1;

    public const int ChecksumLength = 8;

    private const int HeaderLength = 4 + 1 + GraphDigest.Length;

    private static ReadOnlySpan<byte> Magic => "TRJS"u8;

    public static void WriteHeader(StateWriter writer, GraphDigest digest)
    {
        writer.Bytes(Magic);
        writer.Byte(FormatVersion);
        writer.Bytes(digest.ToArray());
    }

    public static byte[] Seal(StateWriter writer)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(writer.Written, hash);
        writer.Bytes(hash[..ChecksumLength]);
        return writer.ToArray();
    }

    /// <summary>Checks the frame and returns the body; the reasons are the ones restoring reports.</summary>
    public static bool TryOpen(ReadOnlySpan<byte> state, GraphDigest expected, out ReadOnlySpan<byte> body, [NotNullWhen(false)] out string? error)
    {
        body = default;
        if (state.Length < HeaderLength + ChecksumLength || !state.StartsWith(Magic))
            return Fail("the bytes are not a Trajeckt session state", out error, "state_malformed");
        if (state[4] != FormatVersion)
            return Fail($"format version {state[4]} is unknown (this runtime reads version {FormatVersion})", out error, "state_version_unknown");
        var content = state[..^ChecksumLength];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        if (!CryptographicOperations.FixedTimeEquals(hash[..ChecksumLength], state[^ChecksumLength..]))
            return Fail("the checksum does not match: the state was altered or truncated", out error, "state_altered");
        var digest = GraphDigest.FromBytes(state.Slice(5, GraphDigest.Length).ToArray());
        if (digest != expected)
            return Fail($"the state belongs to graph {digest}, not to the commitment's graph {expected}", out error, "state_other_commitment");
        body = content[HeaderLength..];
        error = null;
        return true;
    }

    public static bool Fail(string detail, out string error, string code = "state_malformed")
    {
        error = $"{code}: {detail}.";
        return false;
    }
}
