using System.Net;

using Trajeckt.Gateway.Http;
using Trajeckt.Gateway.Sessions;

namespace Trajeckt.Gateway.Configuration;

/// <summary>Checks the gateway's settings at start; each problem names its configuration key.</summary>
internal static class GatewayOptionsValidation
{
    public static List<string> Validate(GatewayOptions options, TrajecktOptions trajeckt, IReadOnlyList<string> urls)
    {
        var errors = new List<string>();
        if (options.Upstreams.Count == 0)
            errors.Add("Gateway:Upstreams: configure at least one upstream MCP server (Gateway:Upstreams:0:Url or Gateway:Upstreams:0:Command).");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Upstreams.Count; i++)
            ValidateUpstream(options.Upstreams[i], $"Gateway:Upstreams:{i}", options.Upstreams.Count, names, errors);

        if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/')
            errors.Add($"Gateway:Path: '{options.Path}' must start with '/'.");
        if (options.SessionIdleTimeout <= TimeSpan.Zero)
            errors.Add($"Gateway:SessionIdleTimeout: {options.SessionIdleTimeout} must be positive.");
        if (options.UpstreamTimeout <= TimeSpan.Zero)
            errors.Add($"Gateway:UpstreamTimeout: {options.UpstreamTimeout} must be positive.");
        if (options.DecisionHistory is < 1 or > 10_000)
            errors.Add($"Gateway:DecisionHistory: {options.DecisionHistory} must be between 1 and 10000.");
        if (options.MaxRequestBodyBytes is < 1024 or > 64L * 1024 * 1024)
            errors.Add($"Gateway:MaxRequestBodyBytes: {options.MaxRequestBodyBytes} must be between 1024 and 67108864.");
        for (var i = 0; i < options.AllowedOrigins.Count; i++)
        {
            if (!OriginPolicy.TryNormalize(options.AllowedOrigins[i], out _))
                errors.Add($"Gateway:AllowedOrigins:{i}: '{options.AllowedOrigins[i]}' is not an origin (scheme://host[:port]).");
        }

        // The token itself is never echoed: start-up errors reach logs and consoles.
        if (options.OperatorToken is { } token && (token.Length < OperatorAuthorizations.MinimumTokenLength || string.IsNullOrWhiteSpace(token)))
            errors.Add($"Gateway:OperatorToken: the token must be at least {OperatorAuthorizations.MinimumTokenLength} characters (e.g. 32 random bytes in base64); leave it unset to turn the authorizations endpoint off.");

        ValidateCommitment(options, trajeckt, errors);
        if (!Enum.IsDefined(options.SessionStore))
            errors.Add($"Gateway:SessionStore: '{options.SessionStore}' is not Process or Redis.");
        else if (options.SessionStore == GatewaySessionStore.Redis && options.Commitment == CommitmentMode.Heuristic)
            errors.Add("Gateway:SessionStore: Redis stores the state of a commitment's sessions, and Heuristic mode has no commitment; use Gateway:Commitment=Auto or Operator, or Gateway:SessionStore=Process.");
        ValidateUrls(options, urls, errors);
        return errors;
    }

    private static void ValidateUpstream(UpstreamOptions upstream, string key, int count, HashSet<string> names, List<string> errors)
    {
        if (string.IsNullOrEmpty(upstream.Name))
        {
            if (count > 1)
                errors.Add($"{key}:Name: name every upstream when there are several; the name prefixes its tools.");
        }
        else if (!upstream.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || upstream.Name.Length > 32)
        {
            errors.Add($"{key}:Name: '{upstream.Name}' may hold only ASCII letters, digits and '-', at most 32 of them.");
        }
        else if (!names.Add(upstream.Name))
        {
            errors.Add($"{key}:Name: '{upstream.Name}' names two upstreams.");
        }

        var hasUrl = !string.IsNullOrWhiteSpace(upstream.Url);
        var hasCommand = !string.IsNullOrWhiteSpace(upstream.Command);
        if (hasUrl == hasCommand)
            errors.Add($"{key}: set exactly one of Url (an HTTP upstream) and Command (a stdio upstream).");
        else if (hasUrl && (!Uri.TryCreate(upstream.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            errors.Add($"{key}:Url: the value is not an absolute http or https URL.");
    }

    private static void ValidateCommitment(GatewayOptions options, TrajecktOptions trajeckt, List<string> errors)
    {
        switch (options.Commitment)
        {
            case CommitmentMode.Operator:
                if (string.IsNullOrWhiteSpace(options.Policy))
                    errors.Add("Gateway:Policy: Gateway:Commitment=Operator needs the path of the operator's .traj policy.");
                if (trajeckt.TrustedKeys.Count == 0)
                    errors.Add("Trajeckt:TrustedKeys: Gateway:Commitment=Operator needs the operator's public keys (ed25519:<base64> or a .pub file).");
                break;
            case CommitmentMode.Heuristic:
                if (trajeckt.RequireCommitment || !trajeckt.AllowUncommitted)
                    errors.Add("Gateway:Commitment: Heuristic runs without a commitment; allow it explicitly with Trajeckt:RequireCommitment=false and Trajeckt:AllowUncommitted=true.");
                break;
            case CommitmentMode.Auto:
                break;
            default:
                errors.Add($"Gateway:Commitment: '{options.Commitment}' is not Auto, Operator or Heuristic.");
                break;
        }
        if (options.Commitment != CommitmentMode.Operator && (options.Policy is not null || options.Seal is not null))
            errors.Add("Gateway:Policy: a policy or seal is set but Gateway:Commitment is not Operator; set Gateway:Commitment=Operator to enforce it.");
    }

    private static void ValidateUrls(GatewayOptions options, IReadOnlyList<string> urls, List<string> errors)
    {
        foreach (var url in urls)
        {
            if (!TryGetHost(url, out var host))
            {
                errors.Add($"urls: '{url}' is not an http or https listening address.");
                continue;
            }
            if (!options.AllowNonLoopback && !IsLoopback(host))
                errors.Add($"urls: '{url}' listens beyond loopback; set Gateway:AllowNonLoopback=true to allow it (and put authentication in front).");
        }
    }

    private static bool TryGetHost(string url, out string host)
    {
        host = string.Empty;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0 || url[..schemeEnd] is not ("http" or "https"))
            return false;
        var rest = url[(schemeEnd + 3)..];
        var pathStart = rest.IndexOf('/');
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var portStart = authority.LastIndexOf(':');
        host = portStart > 0 && authority.IndexOf(']', StringComparison.Ordinal) < portStart ? authority[..portStart] : authority;
        return host.Length > 0;
    }

    internal static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
