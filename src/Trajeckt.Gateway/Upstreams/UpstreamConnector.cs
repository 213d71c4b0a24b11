using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Trajeckt.Gateway.Configuration;

namespace Trajeckt.Gateway.Upstreams;

/// <summary>Connects the configured upstreams with the SDK's client and reads their tools.</summary>
internal static class UpstreamConnector
{
    /// <summary>The separator between an upstream's name and its tool's when several upstreams are configured.</summary>
    public const string NamespaceSeparator = "__";

    private static readonly TimeSpan MinimumConnectTimeout = TimeSpan.FromSeconds(10);

    public static async Task<Upstream> ConnectAsync(UpstreamOptions options, ILoggerFactory loggerFactory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrEmpty(options.Name) ? "upstream" : options.Name;
        // A short call timeout must not make starting (a process, a handshake) fail on a busy machine.
        timeout = timeout < MinimumConnectTimeout ? MinimumConnectTimeout : timeout;
        IClientTransport transport = options.Url is { Length: > 0 } url
            ? new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = new Uri(url),
                Name = name,
                TransportMode = HttpTransportMode.StreamableHttp,
                ConnectionTimeout = timeout,
            }, loggerFactory)
            : new StdioClientTransport(new StdioClientTransportOptions
            {
                Command = options.Command!,
                Arguments = options.Arguments.ToList(),
                EnvironmentVariables = new Dictionary<string, string?>(options.Environment, StringComparer.Ordinal),
                Name = name,
            }, loggerFactory);
        var clientOptions = new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "trajeckt-gateway", Version = GatewayInfo.Version },
            InitializationTimeout = timeout,
        };
        var client = await McpClient.CreateAsync(transport, clientOptions, loggerFactory, cancellationToken).ConfigureAwait(false);
        return new Upstream(name, client, options.Url is { Length: > 0 } endpoint ? new Uri(endpoint) : null);
    }

    /// <summary>Reads every upstream's tools/list and names the tools as clients will see them.</summary>
    public static async Task<List<LiveTool>> ListToolsAsync(IReadOnlyList<Upstream> upstreams, CancellationToken cancellationToken)
    {
        var tools = new List<LiveTool>();
        foreach (var upstream in upstreams)
        {
            try
            {
                tools.AddRange(await ListToolsAsync(upstream, upstreams.Count > 1, cancellationToken).ConfigureAwait(false));
            }
            catch (InvalidDataException e)
            {
                throw new GatewayStartException(e.Message);
            }
        }
        return tools;
    }

    /// <summary>Reads one upstream's tools/list, names the tools as clients see them and reads each definition's pin form.</summary>
    /// <exception cref="InvalidDataException">The upstream lists a tool name twice.</exception>
    public static async Task<IReadOnlyList<LiveTool>> ListToolsAsync(Upstream upstream, bool namespaced, CancellationToken cancellationToken)
    {
        var tools = new List<LiveTool>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var listed = await upstream.Client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var tool in listed)
        {
            var definition = tool.ProtocolTool;
            var exposed = namespaced ? upstream.Name + NamespaceSeparator + definition.Name : definition.Name;
            if (!names.Add(exposed))
                throw new InvalidDataException($"upstream '{upstream.Name}' lists the tool '{definition.Name}' twice.");
            tools.Add(LiveTool.Read(new UpstreamTool(exposed, upstream, Rename(definition, exposed), definition.Name)));
        }
        return tools;
    }

    private static Tool Rename(Tool definition, string exposedName) =>
        definition.Name == exposedName
            ? definition
            : new Tool
            {
                Name = exposedName,
                Title = definition.Title,
                Description = definition.Description,
                InputSchema = definition.InputSchema,
                OutputSchema = definition.OutputSchema,
                Annotations = definition.Annotations,
                Icons = definition.Icons,
                Meta = definition.Meta,
            };
}
