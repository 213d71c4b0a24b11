using ModelContextProtocol.Protocol;

namespace Trajeckt.Gateway.Upstreams;

/// <summary>One tool a client is offered: the name the client and the policy use, and where it runs.</summary>
internal sealed class UpstreamTool
{
    // upstreamName: the name at the upstream, when the definition carries the exposed (namespaced) one.
    public UpstreamTool(string exposedName, Upstream upstream, Tool definition, string? upstreamName = null)
    {
        ExposedName = exposedName;
        Upstream = upstream;
        Definition = definition;
        UpstreamName = upstreamName ?? definition.Name;
    }

    /// <summary>The tool's name as clients and the commitment see it (prefixed with the upstream's when there are several).</summary>
    public string ExposedName { get; }

    /// <summary>The tool's name at its upstream.</summary>
    public string UpstreamName { get; }

    public Upstream Upstream { get; }

    /// <summary>The definition read from the upstream at start (as offered to clients, under <see cref="ExposedName"/>).</summary>
    public Tool Definition { get; }
}
