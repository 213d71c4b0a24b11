namespace Trajeckt.Gateway.Configuration;

/// <summary>One upstream MCP server: either an HTTP <see cref="Url"/> or a stdio <see cref="Command"/>.</summary>
public sealed class UpstreamOptions
{
    /// <summary>The upstream's name: letters, digits and '-'; it prefixes its tools' names when there are several upstreams.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The Streamable HTTP endpoint of the upstream.</summary>
    public string? Url { get; set; }

    /// <summary>The command that starts a stdio upstream.</summary>
    public string? Command { get; set; }

    /// <summary>The arguments of <see cref="Command"/>.</summary>
    public IList<string> Arguments { get; set; } = new List<string>();

    /// <summary>Environment variables for <see cref="Command"/> (never logged).</summary>
    public IDictionary<string, string?> Environment { get; set; } = new Dictionary<string, string?>(StringComparer.Ordinal);
}
