using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Trajeckt.Redis;

/// <summary>
/// The container's connection to Redis, opened at first use without failing when Redis is down
/// (<c>AbortOnConnectFail = false</c>): the service starts, calls are refused until Redis answers,
/// and the connection reconnects by itself.
/// </summary>
internal sealed class RedisSessionStoreConnection(IOptions<RedisSessionStoreOptions> options) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _connection = new(() =>
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration);
        configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(configuration);
    });

    public IConnectionMultiplexer Connection => _connection.Value;

    public void Dispose()
    {
        if (_connection.IsValueCreated)
            _connection.Value.Dispose();
    }
}
