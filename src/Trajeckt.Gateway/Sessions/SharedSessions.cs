using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.AspNetCore;
using Trajeckt.Gateway.Configuration;
using Trajeckt.Redis;

namespace Trajeckt.Gateway.Sessions;

/// <summary>Registers the shared session store and the SDK's session migration when <c>Gateway:SessionStore</c> is not <c>Process</c>.</summary>
internal static class SharedSessions
{
    public static void Register(IServiceCollection services, GatewayOptions options, IConfiguration configuration)
    {
        if (options.SessionStore != GatewaySessionStore.Redis)
            return;
        var section = configuration.GetSection(RedisSessionStoreOptions.SectionName);
        // No silent default server: replicas that each fell back to their own localhost would share nothing.
        if (string.IsNullOrWhiteSpace(section["Configuration"]))
            throw new GatewayStartException($"{RedisSessionStoreOptions.SectionName}:Configuration: Gateway:SessionStore=Redis needs the Redis server every replica shares (e.g. redis:6379).");
        services.AddRedisSessionStore(configuration);
        services.AddSingleton<ISessionMigrationHandler, StoredMcpSessions>();
    }
}
