using Trajeckt.Gateway.Tests.Upstream;

namespace Trajeckt.Gateway.Tests;

/// <summary>One upstream of <see cref="SupportTools"/> and one auto-committed gateway in front of it, shared by a test class.</summary>
public sealed class SupportGateway : IAsyncLifetime
{
    private UpstreamServer? _upstream;
    private GatewayServer? _gateway;

    public GatewayServer Gateway => _gateway!;

    public async Task InitializeAsync()
    {
        _upstream = await UpstreamServer.StartAsync<SupportTools>();
        _gateway = await GatewayServer.StartAsync(_upstream.Url, "--Gateway:UpstreamTimeout=00:00:05");
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        if (_upstream is not null)
            await _upstream.DisposeAsync();
    }
}
