using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Trajeckt.Redis;
using Trajeckt.Sessions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis session store: <c>services.AddTrajeckt(configuration).AddRedisSessionStore(configuration)</c>.</summary>
public static class RedisSessionStoreServiceCollectionExtensions
{
    /// <summary>Registers <see cref="RedisTrajecktSessionStore"/> as the <see cref="ITrajecktSessionStore"/>, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddRedisSessionStore(this IServiceCollection services, Action<RedisSessionStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RedisSessionStoreOptions>().Configure(configure);
        return AddStore(services);
    }

    /// <summary>Registers <see cref="RedisTrajecktSessionStore"/> bound from the <c>Trajeckt:SessionStore:Redis</c> section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root holding the section.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddRedisSessionStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RedisSessionStoreOptions>().Bind(configuration.GetSection(RedisSessionStoreOptions.SectionName));
        return AddStore(services);
    }

    /// <summary>Adds a health check that is unhealthy while Redis does not answer (name <c>trajeckt-redis-session-store</c>).</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHealthChecksBuilder AddRedisSessionStoreCheck(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            "trajeckt-redis-session-store",
            sp => new RedisSessionStoreHealthCheck(sp.GetRequiredService<RedisSessionStoreConnection>().Connection),
            HealthStatus.Unhealthy,
            ["trajeckt", "redis"]));
    }

    private static IServiceCollection AddStore(IServiceCollection services)
    {
        services.TryAddSingleton<RedisSessionStoreConnection>();
        services.Replace(ServiceDescriptor.Singleton<ITrajecktSessionStore>(sp =>
            new RedisTrajecktSessionStore(sp.GetRequiredService<RedisSessionStoreConnection>().Connection, sp.GetRequiredService<IOptions<RedisSessionStoreOptions>>().Value)));
        return services;
    }
}
