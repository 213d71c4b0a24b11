using System.Globalization;
using StackExchange.Redis;
using Trajeckt.Sessions;

namespace Trajeckt.Redis;

/// <summary>
/// Session states in Redis, one hash per session (<c>v</c>: version, <c>s</c>: state), replaced by an
/// atomic compare-and-set on the version. Any failure (unreachable, timeout, inconsistent hash) throws,
/// and <see cref="TrajecktSessionManager"/> refuses the call.
/// </summary>
public sealed class RedisTrajecktSessionStore : ITrajecktSessionStore
{
    // KEYS[1] the session; ARGV: expected version ('0' = absent), new version, state, expiry in ms ('0' = none).
    private const string CompareAndSetScript = """
        local v = redis.call('HGET', KEYS[1], 'v')
        if (v == false and ARGV[1] == '0') or v == ARGV[1] then
          redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
          if ARGV[4] ~= '0' then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
          return 1
        end
        return 0
        """;

    private static readonly RedisValue[] s_fields = ["v", "s"];

    private readonly IConnectionMultiplexer _connection;
    private readonly RedisSessionStoreOptions _options;

    /// <summary>Creates a store over a connection.</summary>
    /// <param name="connection">The connection; the caller owns it.</param>
    /// <param name="options">Key prefix, expiry and compare-and-set mode.</param>
    public RedisTrajecktSessionStore(IConnectionMultiplexer connection, RedisSessionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        _connection = connection;
        _options = options;
    }

    /// <summary>Whether the connection to Redis is up (for the health check).</summary>
    public bool IsConnected => _connection.IsConnected;

    /// <inheritdoc/>
    public async ValueTask<StoredSessionState?> LoadAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        var values = await Database.HashGetAsync(Key(sessionKey), s_fields).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (values[0].IsNull)
        {
            return values[1].IsNull
                ? null
                : throw new InvalidDataException($"Session '{sessionKey}' has a state but no version in Redis.");
        }
        if (!long.TryParse((string?)values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1 || values[1].IsNull)
            throw new InvalidDataException($"Session '{sessionKey}' has a malformed version or no state in Redis.");
        return new StoredSessionState(version, (byte[])values[1]!);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryReplaceAsync(string sessionKey, long expectedVersion, StoredSessionState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(state.Version, expectedVersion, nameof(state));
        var key = Key(sessionKey);
        var bytes = state.State.ToArray();
        Task<bool> replaced;
        if (_options.CompareAndSet == RedisCompareAndSet.Script)
        {
            var expiry = _options.Expiry is { } e ? (long)e.TotalMilliseconds : 0;
            replaced = Evaluate(key, expectedVersion, state.Version, bytes, expiry);
        }
        else
        {
            var transaction = Database.CreateTransaction();
            transaction.AddCondition(expectedVersion == 0 ? Condition.KeyNotExists(key) : Condition.HashEqual(key, "v", expectedVersion));
            _ = transaction.HashSetAsync(key, [new HashEntry("v", state.Version), new HashEntry("s", bytes)]);
            if (_options.Expiry is { } expiry)
                _ = transaction.KeyExpireAsync(key, expiry);
            replaced = transaction.ExecuteAsync();
        }
        return await replaced.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private IDatabase Database => _connection.GetDatabase();

    private async Task<bool> Evaluate(RedisKey key, long expected, long version, byte[] state, long expiryMs)
    {
        var result = await Database.ScriptEvaluateAsync(CompareAndSetScript, [key], [expected, version, state, expiryMs]).ConfigureAwait(false);
        return (long)result == 1;
    }

    private RedisKey Key(string sessionKey)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        return _options.KeyPrefix + sessionKey;
    }
}
