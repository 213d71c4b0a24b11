namespace Trajeckt.Redis;

/// <summary>How <see cref="RedisTrajecktSessionStore"/> reaches Redis and keeps states. Binds from <c>Trajeckt:SessionStore:Redis</c>.</summary>
public sealed class RedisSessionStoreOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Trajeckt:SessionStore:Redis";

    /// <summary>The StackExchange.Redis configuration string, e.g. <c>"redis:6379,password=..."</c>.</summary>
    public string Configuration { get; set; } = "localhost:6379";

    /// <summary>The prefix of every session's key. Default <c>"trajeckt:session:"</c>.</summary>
    public string KeyPrefix { get; set; } = "trajeckt:session:";

    /// <summary>
    /// How long a session that is not written is kept, or <see langword="null"/> (the default) to keep
    /// it until deleted. An expired session starts again with no taint: set it longer than any conversation.
    /// </summary>
    public TimeSpan? Expiry { get; set; }

    /// <summary>How the atomic compare-and-set is done. Default <see cref="RedisCompareAndSet.Script"/> (measured faster, docs/performance.md).</summary>
    public RedisCompareAndSet CompareAndSet { get; set; } = RedisCompareAndSet.Script;
}

/// <summary>How <see cref="RedisTrajecktSessionStore"/> replaces a state only if its version is unchanged.</summary>
public enum RedisCompareAndSet
{
    /// <summary>A Lua script compares the version and writes in one server-side step (one round trip).</summary>
    Script,

    /// <summary>A transaction guarded by a WATCH-based condition on the version (StackExchange.Redis conditions).</summary>
    Transaction,
}
