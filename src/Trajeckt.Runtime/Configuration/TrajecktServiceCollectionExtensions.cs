using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Trajeckt;
using Trajeckt.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="TrajecktOptions"/> with dependency injection.</summary>
public static class TrajecktServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TrajecktOptions"/> configured in code, validated on first use and at host start.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddTrajeckt(this IServiceCollection services, Action<TrajecktOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddValidatedOptions(services).Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers <see cref="TrajecktOptions"/> bound from the <c>"Trajeckt"</c> section of
    /// <paramref name="configuration"/>, validated on first use and at host start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root (or any configuration) holding a <c>"Trajeckt"</c> section.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddTrajeckt(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddValidatedOptions(services).Bind(configuration.GetSection(TrajecktOptions.SectionName));
        return services;
    }

    private static OptionsBuilder<TrajecktOptions> AddValidatedOptions(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrajecktOptions>, TrajecktOptionsValidator>());
        return services.AddOptions<TrajecktOptions>().ValidateOnStart();
    }
}
