namespace Trajeckt.Gateway;

/// <summary>The gateway's identity as it presents itself to clients and upstreams.</summary>
internal static class GatewayInfo
{
    public const string Name = "trajeckt-gateway";

    public static readonly string Version = typeof(GatewayInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
