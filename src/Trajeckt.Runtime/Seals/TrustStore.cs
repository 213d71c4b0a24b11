using System.Diagnostics.CodeAnalysis;

namespace Trajeckt.Sealing;

/// <summary>
/// The operator public keys whose seals are trusted, and whether development keys among them count.
/// Immutable once built. A seal made with a key that is not here, or with a development key when
/// <see cref="TrustDevelopmentKeys"/> is <see langword="false"/>, does not verify.
/// </summary>
/// <remarks>
/// A text entry (as in <see cref="TrajecktOptions.TrustedKeys"/>) is either a key written inline,
/// <c>ed25519:&lt;base64&gt;</c> (a production key) or <c>ed25519-dev:&lt;base64&gt;</c> (a development key),
/// or else the path of a public key file (<c>.pub</c>), relative paths resolving against the current
/// directory, whose <c>development</c> flag applies. Any entry that is neither is an error, never skipped.
/// </remarks>
public sealed class TrustStore
{
    private readonly Dictionary<string, OperatorPublicKey> _keys;

    /// <summary>Creates a trust store of the given keys.</summary>
    /// <param name="keys">The trusted keys; the same key twice counts once.</param>
    /// <param name="trustDevelopmentKeys">Whether seals made with development keys verify.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two keys conflict: the same key as both development and production key, or two keys with one key id.</exception>
    public TrustStore(IEnumerable<OperatorPublicKey> keys, bool trustDevelopmentKeys = false)
        : this(IndexById(keys), trustDevelopmentKeys)
    {
    }

    private TrustStore(Dictionary<string, OperatorPublicKey> keys, bool trustDevelopmentKeys)
    {
        _keys = keys;
        TrustDevelopmentKeys = trustDevelopmentKeys;
    }

    /// <summary>Whether seals made with development keys verify.</summary>
    public bool TrustDevelopmentKeys { get; }

    /// <summary>The trusted keys.</summary>
    public IReadOnlyCollection<OperatorPublicKey> Keys => _keys.Values;

    /// <summary>Finds a trusted key by its id.</summary>
    /// <param name="keyId">The key id, as a seal names it.</param>
    /// <param name="key">The key, or <see langword="null"/> when no trusted key has that id.</param>
    public bool TryGetKey(string? keyId, [NotNullWhen(true)] out OperatorPublicKey? key)
    {
        key = null;
        return keyId is not null && _keys.TryGetValue(keyId, out key);
    }

    /// <summary>Builds a trust store from text entries (see the remarks on <see cref="TrustStore"/>).</summary>
    /// <param name="entries">Inline keys or public key file paths.</param>
    /// <param name="trustDevelopmentKeys">Whether seals made with development keys verify.</param>
    /// <param name="trustStore">The trust store, or <see langword="null"/> when an entry is malformed.</param>
    /// <param name="error">A one-line message naming the first bad entry (and its file and position), or <see langword="null"/>.</param>
    public static bool TryLoad(IEnumerable<string> entries, bool trustDevelopmentKeys, [NotNullWhen(true)] out TrustStore? trustStore, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return TryLoad(entries, trustDevelopmentKeys, static index => $"trusted key {index}", out trustStore, out error);
    }

    /// <summary>Builds the trust store that <paramref name="options"/> configure: its <see cref="TrajecktOptions.TrustedKeys"/> and <see cref="TrajecktOptions.TrustDevelopmentKeys"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="trustStore">The trust store, or <see langword="null"/> when an entry is malformed.</param>
    /// <param name="error">A one-line message naming the first bad entry, or <see langword="null"/>.</param>
    public static bool TryFromOptions(TrajecktOptions options, [NotNullWhen(true)] out TrustStore? trustStore, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TrustedKeys is null)
        {
            trustStore = null;
            error = "Trajeckt option TrustedKeys is null; use an empty list for no keys";
            return false;
        }
        return TryLoad(options.TrustedKeys, options.TrustDevelopmentKeys, static index => $"Trajeckt option TrustedKeys[{index}]", out trustStore, out error);
    }

    /// <summary>Builds the trust store that <paramref name="options"/> configure, or throws when an entry is malformed.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">An entry of <see cref="TrajecktOptions.TrustedKeys"/> is malformed or names an unreadable or invalid key file.</exception>
    public static TrustStore FromOptions(TrajecktOptions options) =>
        TryFromOptions(options, out var trustStore, out var error) ? trustStore : throw new ArgumentException(error, nameof(options));

    private static bool TryLoad(IEnumerable<string> entries, bool trustDevelopmentKeys, Func<int, string> nameEntry, [NotNullWhen(true)] out TrustStore? trustStore, [NotNullWhen(false)] out string? error)
    {
        trustStore = null;
        var byId = new Dictionary<string, OperatorPublicKey>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in entries)
        {
            if (!TryResolveEntry(entry, out var key, out error))
            {
                error = $"{nameEntry(index)}: {error}";
                return false;
            }
            if (TryAdd(byId, key) is { } conflict)
            {
                error = $"{nameEntry(index)}: {conflict}";
                return false;
            }
            index++;
        }
        trustStore = new TrustStore(byId, trustDevelopmentKeys);
        error = null;
        return true;
    }

    private static Dictionary<string, OperatorPublicKey> IndexById(IEnumerable<OperatorPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var byId = new Dictionary<string, OperatorPublicKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(keys));
            if (TryAdd(byId, key) is { } conflict)
                throw new ArgumentException(conflict, nameof(keys));
        }
        return byId;
    }

    private static bool TryResolveEntry(string? entry, [NotNullWhen(true)] out OperatorPublicKey? key, [NotNullWhen(false)] out string? problem)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(entry))
        {
            problem = "the entry is empty; write 'ed25519:<base64>' or the path of a public key file";
            return false;
        }
        if (entry.StartsWith(OperatorPublicKey.ProductionPrefix, StringComparison.Ordinal)
            || entry.StartsWith(OperatorPublicKey.DevelopmentPrefix, StringComparison.Ordinal))
            return OperatorPublicKey.TryParse(entry, out key, out problem);
        if (PublicKeyFile.TryRead(entry, out key, out var fileError))
        {
            problem = null;
            return true;
        }
        problem = fileError.Kind == SealingFormatErrorKind.Unreadable
            ? $"'{entry}' is neither '{OperatorPublicKey.ProductionPrefix}<base64>' nor a readable public key file: {fileError.Message}"
            : fileError.ToString();
        return false;
    }

    // Returns why the key conflicts with those already added, or null once added (or already present).
    private static string? TryAdd(Dictionary<string, OperatorPublicKey> keys, OperatorPublicKey key)
    {
        if (!keys.TryGetValue(key.KeyId, out var existing))
        {
            keys.Add(key.KeyId, key);
            return null;
        }
        if (!existing.HasSameKeyAs(key))
            return $"two different trusted keys have the key id {key.KeyId}";
        return existing.IsDevelopment == key.IsDevelopment
            ? null
            : $"the key {key.KeyId} is trusted both as a development key and as a production key";
    }
}
