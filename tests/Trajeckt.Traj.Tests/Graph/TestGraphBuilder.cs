using Trajeckt.Traj.Automata;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Traj.Tests.GraphFormat;

/// <summary>
/// Builds <see cref="CompiledGraph"/> instances through the internal constructor the way the binder does:
/// tools and labels sorted by ordinal name, label indices and flows resolved, the plan compiled.
/// </summary>
internal sealed class TestGraphBuilder
{
    private readonly string _name;
    private readonly List<(string Name, ToolEffects Effects, string[] Labels, Trust Origin, Trust? Floor, Trust Authorizer)> _tools = new();
    private readonly List<(string Label, string Tool)> _flows = new();
    private readonly Dictionary<string, byte[]> _pins = new(StringComparer.Ordinal);
    private int? _budget;
    private PlanDfa? _dfa;

    public TestGraphBuilder(string name) => _name = name;

    /// <summary>Adds a tool; the sensitive flag is set from the labels, and a control sink gets the default floor.</summary>
    public TestGraphBuilder Tool(string name, ToolEffects effects = ToolEffects.None, string[]? labels = null,
        Trust origin = Trust.ToolOutput, Trust? floor = null, Trust authorizer = Trust.TrustedUser)
    {
        labels ??= Array.Empty<string>();
        effects = labels.Length > 0 ? effects | ToolEffects.Sensitive : effects & ~ToolEffects.Sensitive;
        if ((effects & ToolEffects.ControlSink) != 0)
            floor ??= Trust.External;
        _tools.Add((name, effects, labels, origin, floor, floor is null ? Trust.TrustedUser : authorizer));
        return this;
    }

    public TestGraphBuilder Flow(string label, string tool)
    {
        _flows.Add((label, tool));
        return this;
    }

    /// <summary>Pins a tool's definition hash (32 bytes).</summary>
    public TestGraphBuilder Pin(string tool, byte[] hash)
    {
        _pins[tool] = hash;
        return this;
    }

    public TestGraphBuilder Budget(int? calls)
    {
        _budget = calls;
        return this;
    }

    /// <summary>Uses this automaton instead of the default plan <c>_*</c>.</summary>
    public TestGraphBuilder Plan(PlanDfa dfa)
    {
        _dfa = dfa;
        return this;
    }

    /// <summary>Compiles <paramref name="plans"/> over the tools added so far, in sorted order.</summary>
    public TestGraphBuilder Plan(params PlanRegex[] plans)
    {
        _dfa = PlanAutomatonBuilder.Build(plans, _tools.Count, 10_000).Dfa ?? throw new InvalidOperationException("empty plan language");
        return this;
    }

    public CompiledGraph Build()
    {
        var tools = _tools.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        var labels = tools.SelectMany(t => t.Labels).Distinct().OrderBy(l => l, StringComparer.Ordinal).ToArray();
        var toolIndex = tools.Select((t, i) => (t.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var graphTools = tools
            .Select(t => new GraphTool(t.Name, t.Effects, t.Labels.Select(l => labelIndex[l]).Distinct().OrderBy(i => i).ToArray(), t.Origin, t.Floor, t.Authorizer))
            .ToArray();
        var flows = labels
            .Select(l => _flows.Where(f => f.Label == l).Select(f => toolIndex[f.Tool]).Distinct().OrderBy(i => i).ToArray())
            .ToArray();
        var dfa = _dfa ?? PlanAutomatonBuilder.Build(Array.Empty<PlanRegex>(), tools.Length, 10).Dfa!;
        var pins = graphTools
            .Select((t, i) => _pins.TryGetValue(t.Name, out var hash) ? new ToolPin(i, t.Name, hash) : null)
            .OfType<ToolPin>()
            .ToArray();
        return new CompiledGraph(_name, graphTools, labels, flows, _budget, dfa.Accepting, dfa.TransitionStart, dfa.TransitionTool, dfa.TransitionTarget, pins);
    }
}
