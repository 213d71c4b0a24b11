using System.Diagnostics.CodeAnalysis;
using Trajeckt.Gateway.Configuration;

namespace Trajeckt.Gateway.Http;

/// <summary>
/// DNS-rebinding protection (the MCP transport spec): a request that carries an Origin header is served
/// only when the origin is a loopback one or listed in <c>Gateway:AllowedOrigins</c>. Requests without
/// Origin (non-browser clients) pass.
/// </summary>
internal sealed class OriginPolicy
{
    private readonly HashSet<string> _allowed;

    public OriginPolicy(IEnumerable<string> allowedOrigins)
    {
        _allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var origin in allowedOrigins)
        {
            if (TryNormalize(origin, out var normalized))
                _allowed.Add(normalized);
        }
    }

    public bool IsAllowed(string origin)
    {
        if (!TryNormalize(origin, out var normalized) || !Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
            return false;
        return GatewayOptionsValidation.IsLoopback(uri.Host) || _allowed.Contains(normalized);
    }

    /// <summary>Normalizes <c>scheme://host[:port]</c> (no path, query or user info) to its lower-case form.</summary>
    public static bool TryNormalize(string? origin, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length > 0 || uri.PathAndQuery != "/" || uri.Fragment.Length > 0 || origin!.TrimEnd('/') != origin.TrimEnd('/').Trim())
            return false;
        normalized = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
        normalized = normalized.ToLowerInvariant();
        return true;
    }
}
