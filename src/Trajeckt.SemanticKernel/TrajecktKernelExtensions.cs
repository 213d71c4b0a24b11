using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Trajeckt.SemanticKernel;

/// <summary>Registers the Trajeckt filters with a kernel, so that every kernel function call is decided by the session.</summary>
public static class TrajecktKernelExtensions
{
    /// <summary>
    /// Registers <see cref="TrajecktFunctionInvocationFilter"/> and <see cref="TrajecktAutoFunctionInvocationFilter"/>
    /// as singletons sharing one <see cref="TrajecktFilterOptions"/>; a kernel built from <paramref name="services"/>
    /// (<c>kernelBuilder.Services</c>) runs them. The session comes from the options, else <see cref="TrajecktSession.Current"/>.
    /// </summary>
    /// <param name="services">The kernel's services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The Trajeckt filters are already registered in <paramref name="services"/>.</exception>
    public static IServiceCollection AddTrajecktFilters(this IServiceCollection services, Action<TrajecktFilterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ImplementationInstance is TrajecktFunctionInvocationFilter or TrajecktAutoFunctionInvocationFilter))
            throw AlreadyRegistered();
        var options = Configure(configure);
        services.AddSingleton<IFunctionInvocationFilter>(new TrajecktFunctionInvocationFilter(options));
        services.AddSingleton<IAutoFunctionInvocationFilter>(new TrajecktAutoFunctionInvocationFilter(options));
        return services;
    }

    /// <summary>Registers the Trajeckt filters with <paramref name="session"/> deciding every call.</summary>
    /// <param name="services">The kernel's services.</param>
    /// <param name="session">The session that decides.</param>
    /// <param name="configure">Sets the other options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="session"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The Trajeckt filters are already registered in <paramref name="services"/>.</exception>
    public static IServiceCollection AddTrajecktFilters(this IServiceCollection services, TrajecktSession session, Action<TrajecktFilterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        return services.AddTrajecktFilters(o =>
        {
            configure?.Invoke(o);
            o.Session = session;
        });
    }

    /// <summary>
    /// Adds the Trajeckt filters to an existing kernel, after the filters it has: each run of a function, also one
    /// that an earlier filter repeats, is decided. The session comes from the options, else <see cref="TrajecktSession.Current"/>.
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="kernel"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kernel"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The kernel already has a Trajeckt filter.</exception>
    public static Kernel UseTrajeckt(this Kernel kernel, Action<TrajecktFilterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (kernel.FunctionInvocationFilters.OfType<TrajecktFunctionInvocationFilter>().Any()
            || kernel.AutoFunctionInvocationFilters.OfType<TrajecktAutoFunctionInvocationFilter>().Any())
            throw AlreadyRegistered();
        var options = Configure(configure);
        kernel.FunctionInvocationFilters.Add(new TrajecktFunctionInvocationFilter(options));
        kernel.AutoFunctionInvocationFilters.Add(new TrajecktAutoFunctionInvocationFilter(options));
        return kernel;
    }

    /// <summary>Adds the Trajeckt filters to an existing kernel with <paramref name="session"/> deciding every call.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="session">The session that decides.</param>
    /// <param name="configure">Sets the other options.</param>
    /// <returns><paramref name="kernel"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kernel"/> or <paramref name="session"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The kernel already has a Trajeckt filter.</exception>
    public static Kernel UseTrajeckt(this Kernel kernel, TrajecktSession session, Action<TrajecktFilterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        return kernel.UseTrajeckt(o =>
        {
            configure?.Invoke(o);
            o.Session = session;
        });
    }

    // A second pair of filters would decide every call again, counting it twice against the plan and the budget.
    private static InvalidOperationException AlreadyRegistered() =>
        new("The Trajeckt filters are already registered with this kernel; registering them again would decide every call twice.");

    private static TrajecktFilterOptions Configure(Action<TrajecktFilterOptions>? configure)
    {
        var options = new TrajecktFilterOptions();
        configure?.Invoke(options);
        return options;
    }
}
