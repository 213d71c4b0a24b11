using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trajeckt;
using Trajeckt.Sessions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers stored sessions: <c>services.AddTrajeckt(configuration).AddTrajecktSessions(commitment).AddRedisSessionStore(configuration)</c>.</summary>
public static class SessionManagerServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="TrajecktSessionManager"/> for <paramref name="commitment"/> over the container's
    /// <see cref="ITrajecktSessionStore"/>: the in-memory store unless another is registered (Redis:
    /// <c>AddRedisSessionStore</c>). Its sessions use the registered <see cref="TrajecktOptions"/>, if any.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="commitment">The commitment every session enforces.</param>
    /// <param name="configure">Sets the manager's retry bound and timeout; <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddTrajecktSessions(this IServiceCollection services, Commitment commitment, Action<TrajecktSessionManagerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(commitment);
        var options = new TrajecktSessionManagerOptions();
        configure?.Invoke(options);
        services.TryAddSingleton<ITrajecktSessionStore, InMemoryTrajecktSessionStore>();
        services.TryAddSingleton(sp => new TrajecktSessionManager(
            commitment,
            sp.GetRequiredService<ITrajecktSessionStore>(),
            options,
            sp.GetService<IOptions<TrajecktOptions>>()?.Value,
            sp.GetService<ILoggerFactory>()));
        return services;
    }
}
