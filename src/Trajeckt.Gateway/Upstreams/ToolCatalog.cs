using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Trajeckt.Gateway.Commitments;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Gateway.Upstreams;

/// <summary>
/// The tools the gateway offers and forwards, held against the pinned definitions (docs/gateway.md, "Pinned
/// tool definitions"). Clients are offered the pinned definitions only; a tool whose live definition is not
/// the pinned one (changed, removed, or listed but never pinned), or whose upstream announced a change that
/// has not been re-read yet, is refused <c>tool_definition_changed</c> with the difference named. Readers
/// take an immutable snapshot, so a call looks its tool up once, without a lock.
/// </summary>
internal sealed partial class ToolCatalog : IDisposable
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _refreshes = new(1, 1);
    private readonly IReadOnlyList<Upstream> _upstreams;
    private readonly IReadOnlyDictionary<string, byte[]> _pins;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private readonly List<string> _offerOrder = new();
    private readonly Dictionary<string, ToolDefinition> _pinnedDefinitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Upstream> _pinnedUpstream = new(StringComparer.Ordinal);
    private readonly Dictionary<Upstream, IReadOnlyList<LiveTool>> _live = new();
    private readonly Dictionary<Upstream, string> _stale = new();
    private readonly Dictionary<Upstream, int> _announcements = new();
    private readonly HashSet<Upstream> _queued = new();
    private volatile Snapshot _snapshot = new(new Dictionary<string, Entry>(StringComparer.Ordinal), new ListToolsResult { Tools = new List<Tool>() });
    private int _completedRefreshes;

    /// <param name="upstreams">Every upstream, in configuration order.</param>
    /// <param name="live">What each upstream listed at start.</param>
    /// <param name="pins">The pinned hash of each tool, by exposed name.</param>
    /// <param name="timeout">How long re-reading an upstream's tools may take.</param>
    /// <param name="logger">Where differences are reported for the operator.</param>
    public ToolCatalog(IReadOnlyList<Upstream> upstreams, IReadOnlyList<LiveTool> live, IReadOnlyDictionary<string, byte[]> pins, TimeSpan timeout, ILogger logger)
    {
        _upstreams = upstreams;
        _pins = pins;
        _timeout = timeout;
        _logger = logger;
        foreach (var upstream in upstreams)
            _live[upstream] = live.Where(t => t.Tool.Upstream == upstream).ToList();
        // Offered in the order the upstreams listed them at start; pinned tools no upstream listed come last.
        foreach (var tool in live.Where(t => pins.ContainsKey(t.Name)))
            _offerOrder.Add(tool.Name);
        foreach (var name in pins.Keys.Order(StringComparer.Ordinal).Where(n => !_offerOrder.Contains(n)))
            _offerOrder.Add(name);
        lock (_gate)
            Rebuild();
    }

    /// <summary>Every upstream, in configuration order.</summary>
    public IReadOnlyList<Upstream> Upstreams => _upstreams;

    /// <summary>How many re-reads after a <c>notifications/tools/list_changed</c> have finished (for tests and the endpoint).</summary>
    public int CompletedRefreshes => Volatile.Read(ref _completedRefreshes);

    /// <summary>Whether every announced change has been re-read (no upstream's tools are refused as pending).</summary>
    public bool IsCurrent
    {
        get
        {
            lock (_gate)
                return _stale.Count == 0;
        }
    }

    /// <summary>The <c>tools/list</c> answer: the pinned definitions.</summary>
    public ListToolsResult Offered => _snapshot.Offered;

    /// <summary>Looks a called tool up.</summary>
    /// <param name="name">The tool's name as the client called it.</param>
    /// <param name="tool">Where to forward it, when it is callable.</param>
    /// <param name="refusal">Why it is refused (<c>tool_definition_changed</c>), when it is.</param>
    /// <returns><see langword="true"/> when the catalog knows the name (callable or refused); <see langword="false"/> for a name no upstream lists and no pin names.</returns>
    public bool TryGet(string? name, out UpstreamTool? tool, out string? refusal)
    {
        tool = null;
        refusal = null;
        if (name is null || !_snapshot.Entries.TryGetValue(name, out var entry))
            return false;
        tool = entry.Tool;
        refusal = entry.Refusal;
        return true;
    }

    /// <summary>
    /// An upstream sent <c>notifications/tools/list_changed</c>: its tools are refused at once, then re-read and
    /// checked against the pins again.
    /// </summary>
    public void OnToolListChanged(Upstream upstream)
    {
        lock (_gate)
        {
            _announcements[upstream] = _announcements.GetValueOrDefault(upstream) + 1;
            _stale[upstream] = $"upstream '{upstream.Name}' announced that its tools changed; the tool is refused until the gateway has re-read and checked them";
            Rebuild();
            // Announcements coalesce: at most one re-read waits per upstream, however often it announces.
            if (!_queued.Add(upstream))
                return;
        }
        _ = RefreshAsync(upstream);
    }

    /// <summary>The pin status of every tool, with the pin line of each live definition, for the operator to review.</summary>
    public string Describe()
    {
        var snapshot = _snapshot;
        List<LiveTool> live;
        lock (_gate)
            live = _live.Values.SelectMany(t => t).ToList();
        using var output = new StringWriter();
        output.WriteLine($"pinned tool definitions ({_pins.Count} pinned, {snapshot.Entries.Values.Count(e => e.Refusal is null)} callable; {CompletedRefreshes} re-reads after list_changed):");
        foreach (var (name, entry) in snapshot.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            output.WriteLine($"  {name}: {(entry.Refusal is null ? "ok" : "REFUSED: " + entry.Refusal)}");
        output.WriteLine();
        output.WriteLine("live definitions (review each, then put its pin line in the policy and re-seal):");
        foreach (var tool in live)
        {
            if (tool.Definition is { } definition)
            {
                output.WriteLine($"  // {definition.Canonical}");
                output.WriteLine($"  {definition.PinLine}");
            }
            else
            {
                output.WriteLine($"  // {tool.Name}: {tool.Error}");
            }
        }
        return output.ToString();
    }

    public void Dispose() => _refreshes.Dispose();

    private async Task RefreshAsync(Upstream upstream)
    {
        // One re-read at a time; an announcement that arrives during a re-read queues another one.
        await _refreshes.WaitAsync().ConfigureAwait(false);
        try
        {
            int announcement;
            lock (_gate)
            {
                _queued.Remove(upstream);
                announcement = _announcements.GetValueOrDefault(upstream);
            }
            IReadOnlyList<LiveTool> tools;
            try
            {
                using var timeout = new CancellationTokenSource(_timeout);
                tools = await UpstreamConnector.ListToolsAsync(upstream, _upstreams.Count > 1, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _stale[upstream] = $"upstream '{upstream.Name}' announced that its tools changed, and re-reading them failed ({e.GetType().Name}: {e.Message}); the tool is refused until a re-read succeeds";
                    Rebuild();
                }
                LogRefreshFailed(_logger, upstream.Name, e.GetType().Name);
                return;
            }
            lock (_gate)
            {
                _live[upstream] = tools;
                if (_announcements.GetValueOrDefault(upstream) == announcement)
                    _stale.Remove(upstream);
                Rebuild();
            }
            var refused = _snapshot.Entries.Where(e => e.Value.Refusal is not null).Select(e => $"{e.Key}: {e.Value.Refusal}").ToList();
            if (refused.Count > 0)
                LogDefinitionsRefused(_logger, upstream.Name, string.Join("\n", refused));
        }
        catch (ObjectDisposedException)
        {
            // The gateway is stopping.
        }
        finally
        {
            Interlocked.Increment(ref _completedRefreshes);
            try
            {
                _refreshes.Release();
            }
            catch (ObjectDisposedException)
            {
                // Stopped while re-reading.
            }
        }
    }

    /// <summary>Recomputes every tool's status from the pins, the live lists and the stale upstreams. Called under the lock.</summary>
    private void Rebuild()
    {
        var live = new Dictionary<string, LiveTool>(StringComparer.Ordinal);
        foreach (var tools in _live.Values)
        {
            foreach (var tool in tools)
                live[tool.Name] = tool;
        }
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (name, pin) in _pins)
        {
            if (live.TryGetValue(name, out var tool))
                _pinnedUpstream.TryAdd(name, tool.Tool.Upstream);
            if (_pinnedUpstream.TryGetValue(name, out var upstream) && _stale.TryGetValue(upstream, out var stale))
                entries[name] = new Entry(null, stale);
            else if (tool is null)
                entries[name] = new Entry(null, upstream is null
                    ? $"{name} is pinned, but no upstream lists it; refused until an operator re-seals"
                    : $"{name} is pinned, but upstream '{upstream.Name}' no longer lists it (removed or renamed); refused until an operator re-seals");
            else if (tool.Definition is null)
                entries[name] = new Entry(null, $"the definition of {name} cannot be checked against its pin: {tool.Error}");
            else if (tool.Definition.Hash.AsSpan().SequenceEqual(pin))
            {
                _pinnedDefinitions.TryAdd(name, tool.Definition);
                entries[name] = new Entry(tool.Tool, null);
            }
            else
            {
                var difference = _pinnedDefinitions.TryGetValue(name, out var pinned)
                    ? ToolDefinitionDifference.Describe(pinned, tool.Definition)
                    : $"it hashes to {ToolPin.Format(tool.Definition.Hash)}, not to its pin {ToolPin.Format(pin)}";
                entries[name] = new Entry(null, $"the definition of {name} is not the pinned one: {difference}; refused until an operator reviews it and re-seals");
            }
        }
        foreach (var (name, tool) in live)
        {
            if (entries.ContainsKey(name))
                continue;
            entries[name] = _stale.TryGetValue(tool.Tool.Upstream, out var stale)
                ? new Entry(null, stale)
                : new Entry(null, $"{name} is listed by upstream '{tool.Tool.Upstream.Name}' but the commitment does not pin it (added or renamed after sealing); it is not offered, and refused until an operator reviews it and re-seals");
        }
        var offered = _offerOrder.Where(_pinnedDefinitions.ContainsKey).Select(n => _pinnedDefinitions[n].Tool).ToList();
        _snapshot = new Snapshot(entries, new ListToolsResult { Tools = offered });
    }

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "After upstream {Upstream} announced a tool list change, these tools are refused:\n{Refusals}")]
    private static partial void LogDefinitionsRefused(ILogger logger, string upstream, string refusals);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Upstream {Upstream} announced a tool list change and re-reading it failed ({ErrorType}); its tools are refused")]
    private static partial void LogRefreshFailed(ILogger logger, string upstream, string errorType);

    private sealed record Entry(UpstreamTool? Tool, string? Refusal);

    private sealed record Snapshot(IReadOnlyDictionary<string, Entry> Entries, ListToolsResult Offered);
}

/// <summary>A tool an upstream lists now, with its definition's canonical form and hash, or why it has none.</summary>
internal sealed record LiveTool(UpstreamTool Tool, ToolDefinition? Definition, string? Error)
{
    public string Name => Tool.ExposedName;

    public static LiveTool Read(UpstreamTool tool) =>
        ToolDefinition.TryCreate(tool.Definition, out var definition, out var error)
            ? new LiveTool(tool, definition, null)
            : new LiveTool(tool, null, error);
}
