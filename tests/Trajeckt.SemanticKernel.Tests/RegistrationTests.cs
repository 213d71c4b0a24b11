using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Trajeckt.SemanticKernel.Tests.Infrastructure;

namespace Trajeckt.SemanticKernel.Tests;

/// <summary>Registering the filters: once per kernel, and with the session current while a function runs.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void Registering_the_filters_twice_throws_instead_of_deciding_every_call_twice()
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddTrajecktFilters();
        var kernel = builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Services.AddTrajecktFilters());
        Assert.Throws<InvalidOperationException>(() => kernel.UseTrajeckt(TestSessions.Support()));
        Assert.Throws<InvalidOperationException>(() => new Kernel().UseTrajeckt().UseTrajeckt());
    }

    [Fact]
    public async Task The_deciding_session_is_current_while_the_function_runs()
    {
        var provided = TestSessions.Support();
        var kernel = new Kernel().UseTrajeckt(o => o.SessionProvider = () => provided);
        TrajecktSession? seen = null;
        var function = KernelFunctionFactory.CreateFromMethod(() => seen = TrajecktSession.Current, "read_ticket");

        await kernel.InvokeAsync(function);

        Assert.Same(provided, seen);
    }
}
