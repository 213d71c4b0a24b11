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
    /// <paramref name="configuration"/>, validated on first use and at host start. A
    /// <c>Trajeckt:DecisionLog</c> setting is refused then (<see cref="InvalidOperationException"/>): the
    /// decision log is made in code.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root (or any configuration) holding a <c>"Trajeckt"</c> section.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddTrajeckt(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TrajecktOptions.SectionName);
        // Registered before Bind, so it runs first: the binder would ignore a value and fail obscurely on a section.
        AddValidatedOptions(services).Configure(_ => RejectDecisionLogSetting(section)).Bind(section);
        return services;
    }

    // A decision log is an object holding a signing key, made in code: a setting that looks like it turns one on
    // must not leave the application running without the log its operator asked for.
    private static void RejectDecisionLogSetting(IConfigurationSection section)
    {
        var setting = section.GetSection(nameof(TrajecktOptions.DecisionLog));
        if (setting.Value is not null || setting.GetChildren().Any())
        {
            throw new InvalidOperationException(
                $"{setting.Path} cannot be set in configuration: a decision log is created in code, new DecisionLog(new FileDecisionLogSink(folder), signingKey), "
                + "and set on TrajecktOptions.DecisionLog (docs/rollout.md, 'On your own agent').");
        }
    }

    private static OptionsBuilder<TrajecktOptions> AddValidatedOptions(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrajecktOptions>, TrajecktOptionsValidator>());
        return services.AddOptions<TrajecktOptions>().ValidateOnStart();
    }
}
