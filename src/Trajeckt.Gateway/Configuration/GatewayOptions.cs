using Trajeckt.Gateway.Sessions;

namespace Trajeckt.Gateway.Configuration;

/// <summary>The gateway's settings, bound from the <c>Gateway</c> section (appsettings.json, environment, command line).</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Gateway";

    /// <summary>The MCP servers the gateway stands in front of; at least one.</summary>
    public IList<UpstreamOptions> Upstreams { get; set; } = new List<UpstreamOptions>();

    /// <summary>Where clients reach the MCP endpoint (default <c>/mcp</c>).</summary>
    public string Path { get; set; } = "/mcp";

    /// <summary>How the commitment is made: <c>Auto</c> (default), <c>Operator</c> (a sealed <see cref="Policy"/>) or <c>Heuristic</c>.</summary>
    public CommitmentMode Commitment { get; set; } = CommitmentMode.Auto;

    /// <summary>The operator's <c>.traj</c> policy (with <see cref="CommitmentMode.Operator"/>).</summary>
    public string? Policy { get; set; }

    /// <summary>The seal of the policy's graph (with <see cref="CommitmentMode.Operator"/>; default: the policy's path + <c>.seal</c>).</summary>
    public string? Seal { get; set; }

    /// <summary>The trajectory of the policy to enforce when it holds several.</summary>
    public string? Trajectory { get; set; }

    /// <summary>Effects that replace what the auto-commitment infers, by (exposed) tool name, in Traj spelling, e.g. <c>sensitive(customer-pii)</c>.</summary>
    public IDictionary<string, string> Tools { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long a session may stay idle before it expires and its state is dropped (default 30 minutes).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Where sessions' state lives: <c>Process</c> (default) or <c>Redis</c>, shared by replicas (docs/scaling.md).</summary>
    public GatewaySessionStore SessionStore { get; set; } = GatewaySessionStore.Process;

    /// <summary>How long an upstream may take to answer a call before it counts as failed (default 30 seconds).</summary>
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many of a session's decisions the decisions endpoint keeps (default 100).</summary>
    public int DecisionHistory { get; set; } = 100;

    /// <summary>The largest request body accepted, in bytes (default 1 MiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Browser origins allowed besides loopback ones (<c>scheme://host[:port]</c>).</summary>
    public IList<string> AllowedOrigins { get; set; } = new List<string>();

    /// <summary>
    /// The bearer token of the operator's authorizations endpoint (at least 32 characters); unset (the default),
    /// the endpoint does not exist. The agent must never see it: it is what tells the host application's
    /// approval UI from the agent, which shares the loopback and passes the Origin check.
    /// </summary>
    public string? OperatorToken { get; set; }

    /// <summary>Whether the gateway may listen on addresses other than loopback (off by default).</summary>
    public bool AllowNonLoopback { get; set; }

    /// <summary>
    /// Whether the gateway stops when its standard input ends (default false). <c>trajeckt gateway</c> sets it
    /// and holds the input, so a gateway never outlives the command that started it, however that ends.
    /// </summary>
    public bool StopWhenInputCloses { get; set; }
}
