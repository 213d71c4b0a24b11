using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Trajeckt.Sessions;

/// <summary>
/// Authenticates session states that leave the service (a serialized agent thread, a cookie), so a
/// client can neither edit its taint away nor forge a state: a protected state is magic <c>TRJP</c>,
/// format version, the key id, the state, and an HMAC-SHA256 over all of it. Rotation: one key signs,
/// any of the verification keys verifies; add the new key as a verification key everywhere first, then
/// make it the signing key, then drop the old one once no state it signed is still in use.
/// </summary>
/// <remarks>
/// A MAC proves the service wrote the state, not that it is the latest: a client can present an older
/// state of its own. Where a store exists, compare its <see cref="TrajecktSession.StateVersion"/> with
/// the stored one (<see cref="TrajecktSessionManager.ImportAsync"/> does); without one, replay cannot be detected.
/// </remarks>
public sealed class SessionStateProtector
{
    private const byte FormatVersion = 1;
    private const int TagLength = 32;

    private readonly SessionStateKey _signing;
    private readonly Dictionary<string, SessionStateKey> _verifying = new(StringComparer.Ordinal);

    /// <summary>Creates a protector.</summary>
    /// <param name="signingKey">The key new states are signed with; it also verifies.</param>
    /// <param name="verificationKeys">Further keys that verify (older or upcoming keys during a rotation).</param>
    /// <exception cref="ArgumentException">Two different keys share an id.</exception>
    public SessionStateProtector(SessionStateKey signingKey, IEnumerable<SessionStateKey>? verificationKeys = null)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        _signing = signingKey;
        _verifying.Add(signingKey.Id, signingKey);
        foreach (var key in verificationKeys ?? [])
        {
            ArgumentNullException.ThrowIfNull(key);
            if (_verifying.TryGetValue(key.Id, out var existing) && !ReferenceEquals(existing, key))
                throw new ArgumentException($"Two session-state keys have the id '{key.Id}'.", nameof(verificationKeys));
            _verifying[key.Id] = key;
        }
    }

    private static ReadOnlySpan<byte> Magic => "TRJP"u8;

    /// <summary>Signs a state (from <see cref="TrajecktSession.Snapshot"/>) with the signing key.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The protected state.</returns>
    public byte[] Protect(ReadOnlySpan<byte> state)
    {
        var id = Encoding.ASCII.GetBytes(_signing.Id);
        var result = new byte[Magic.Length + 2 + id.Length + state.Length + TagLength];
        Magic.CopyTo(result);
        result[4] = FormatVersion;
        result[5] = (byte)id.Length;
        id.CopyTo(result.AsSpan(6));
        state.CopyTo(result.AsSpan(6 + id.Length));
        _signing.Mac(result.AsSpan(0, result.Length - TagLength), result.AsSpan(result.Length - TagLength));
        return result;
    }

    /// <summary>Verifies a protected state and returns the state inside it; never throws on bad bytes.</summary>
    /// <param name="protectedState">The protected state.</param>
    /// <param name="state">The state, or <see langword="null"/>.</param>
    /// <param name="error">Why it was refused, or <see langword="null"/>.</param>
    /// <returns>Whether the state is authentic.</returns>
    public bool TryUnprotect(ReadOnlySpan<byte> protectedState, [NotNullWhen(true)] out byte[]? state, [NotNullWhen(false)] out string? error)
    {
        state = null;
        if (protectedState.Length < 6 + TagLength || !protectedState.StartsWith(Magic))
            return Fail("state_malformed: the bytes are not a protected Trajeckt session state.", out error);
        if (protectedState[4] != FormatVersion)
            return Fail($"state_version_unknown: protected-state format version {protectedState[4]} is unknown (this runtime reads version {FormatVersion}).", out error);
        var idLength = protectedState[5];
        if (idLength is 0 or > SessionStateKey.MaxIdLength || protectedState.Length < 6 + idLength + TagLength)
            return Fail("state_malformed: the key id is malformed.", out error);
        var id = Encoding.ASCII.GetString(protectedState.Slice(6, idLength));
        if (!_verifying.TryGetValue(id, out var key))
            return Fail($"state_unauthenticated: the state was signed with key '{Printable(id)}', which is not a verification key here.", out error);
        Span<byte> tag = stackalloc byte[TagLength];
        key.Mac(protectedState[..^TagLength], tag);
        if (!CryptographicOperations.FixedTimeEquals(tag, protectedState[^TagLength..]))
            return Fail("state_unauthenticated: the state's MAC does not verify: it was altered or signed by another service.", out error);
        state = protectedState[(6 + idLength)..^TagLength].ToArray();
        error = null;
        return true;
    }

    private static string Printable(string id) => new(id.Select(c => c is > ' ' and < '\u007f' ? c : '?').ToArray());

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
