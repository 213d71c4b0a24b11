namespace Trajeckt.Gateway.Tests;

/// <summary>
/// A load balancer in front of gateway replicas, as seen by one client: each HTTP request the SDK client
/// sends goes to the replica the test currently routes to (the MCP session id travels in its header).
/// </summary>
public sealed class ReplicaRouter(params GatewayServer[] replicas) : DelegatingHandler(new SocketsHttpHandler())
{
    public int Target { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = replicas[Target].BaseUrl;
        request.RequestUri = new UriBuilder(request.RequestUri!) { Host = target.Host, Port = target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
