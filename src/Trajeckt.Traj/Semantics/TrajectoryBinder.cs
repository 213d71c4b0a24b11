using Trajeckt.Traj.Automata;
using Trajeckt.Traj.Graph;
using Trajeckt.Traj.Syntax;

namespace Trajeckt.Traj.Semantics;

/// <summary>
/// Checks one trajectory against docs/traj-language.md and binds it into a canonical <see cref="CompiledGraph"/>:
/// tools and labels sorted by ordinal name, defaults applied (origin ToolOutput, floor External for
/// control sinks, authorizer TrustedUser), and the plans compiled to the minimal canonical DFA.
/// </summary>
internal sealed class TrajectoryBinder
{
    private readonly TrajectorySyntax _syntax;
    private readonly DiagnosticSink _sink;
    private readonly TrajCompilerLimits _limits;
    private readonly IReadOnlyList<HostTool> _hostTools;
    private readonly Dictionary<string, DeclaredTool> _tools = new(StringComparer.Ordinal);
    private readonly List<PlanStatementSyntax> _plans = new();
    private readonly Dictionary<string, HashSet<string>> _flows = new(StringComparer.Ordinal);
    private Trust? _defaultFloor;
    private int? _budget;
    private readonly Dictionary<string, byte[]> _pins = new(StringComparer.Ordinal);
    private bool _reportedTooManyTools;

    private TrajectoryBinder(TrajectorySyntax syntax, DiagnosticSink sink, TrajCompilerLimits limits, IReadOnlyList<HostTool> hostTools)
    {
        _syntax = syntax;
        _sink = sink;
        _limits = limits;
        _hostTools = hostTools;
    }

    /// <summary>The graph, or <see langword="null"/> when the trajectory has errors (all reported to <paramref name="sink"/>).</summary>
    public static CompiledGraph? Bind(TrajectorySyntax syntax, DiagnosticSink sink, TrajCompilerLimits limits, IReadOnlyList<HostTool> hostTools) =>
        new TrajectoryBinder(syntax, sink, limits, hostTools).Bind();

    private CompiledGraph? Bind()
    {
        var errorsBefore = _sink.ErrorCount;
        CheckNameLength(_syntax.Name.Value, _syntax.Name.Span, "the trajectory name");

        foreach (var host in _hostTools)
            DeclareHostTool(host);

        // Tools first: every other statement may name a tool declared anywhere in the trajectory.
        foreach (var statement in _syntax.Statements)
        {
            if (statement is ToolStatementSyntax tool)
                DeclareTool(tool);
        }

        var labelSet = CollectLabels();
        foreach (var statement in _syntax.Statements)
        {
            switch (statement)
            {
                case PlanStatementSyntax plan:
                    _plans.Add(plan);
                    break;
                case FlowStatementSyntax flow:
                    BindFlow(flow, labelSet);
                    break;
                case FloorStatementSyntax floor:
                    BindFloor(floor);
                    break;
                case AuthorizeStatementSyntax authorize:
                    BindAuthorize(authorize);
                    break;
                case BudgetStatementSyntax budget:
                    if (_budget.HasValue)
                        _sink.Error(SemanticDiagnosticCodes.DuplicateBudget, budget.Span, "the trajectory already has a budget");
                    else
                        _budget = budget.Calls;
                    break;
                case PinStatementSyntax pin:
                    BindPin(pin);
                    break;
            }
        }

        var tools = _tools.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        var toolIndex = new Dictionary<string, int>(tools.Length, StringComparer.Ordinal);
        for (var i = 0; i < tools.Length; i++)
            toolIndex.Add(tools[i].Name, i);

        // Plan size is bounded before anything is built from the plans.
        if (!PlanTerms.WithinLimit(_plans, _limits.MaxPlanTerms, _sink))
            return null;
        var plans = new List<PlanRegex>(_plans.Count);
        foreach (var plan in _plans)
        {
            var regex = PlanTranslator.Translate(plan.Expression, toolIndex, _sink);
            if (regex is not null)
                plans.Add(regex);
        }

        if (_sink.ErrorCount > errorsBefore)
            return null;

        var planSite = _plans.Count > 0 ? _plans[0].Span : _syntax.Name.Span;
        var automaton = PlanAutomatonBuilder.Build(plans, tools.Length, _limits.MaxStates, _limits.MaxConstructionWork);
        if (automaton.ExceededBound)
        {
            ReportPlanLimit(automaton.Exceeded, planSite);
            return null;
        }
        if (automaton.IsEmptyLanguage || automaton.Dfa is null)
        {
            _sink.Error(SemanticDiagnosticCodes.EmptyPlanLanguage, planSite,
                "the plans accept no sequence of calls, so every call would be refused");
            return null;
        }

        var dfa = automaton.Dfa;
        ReportUnreachableTools(tools, dfa);
        return BuildGraph(tools, dfa);
    }

    // Each bound the builder stops at has its own code and says which bound it is.
    private void ReportPlanLimit(PlanAutomatonLimit limit, TextSpan planSite)
    {
        switch (limit)
        {
            case PlanAutomatonLimit.States:
                _sink.Error(SemanticDiagnosticCodes.PlanTooLarge, planSite,
                    $"the plan automaton needs more than {_limits.MaxStates} states while it is built; simplify the plans or use '_' for open-ended stretches");
                break;
            case PlanAutomatonLimit.Transitions:
                _sink.Error(SemanticDiagnosticCodes.TooManyTransitions, planSite,
                    $"the plan automaton has more than {GraphLimits.MaxTransitions} transitions, the most a graph may hold; use '_' where any tool may follow (it costs no transitions per tool)");
                break;
            default:
                _sink.Error(SemanticDiagnosticCodes.PlanTooCostly, planSite,
                    $"building the plan automaton takes more than {_limits.MaxConstructionWork} steps (long runs of optional or repeated items, like 'a? a? a? ...', cost the square of their length); shorten them or use '_*' for open-ended stretches");
                break;
        }
    }

    private void CheckNameLength(string name, TextSpan span, string what)
    {
        // Names are UTF-16 here and UTF-8 in the graph; a name is at most 3 UTF-8 bytes per UTF-16 unit.
        if ((long)name.Length * 3 <= GraphLimits.MaxNameBytes)
            return;
        var bytes = System.Text.Encoding.UTF8.GetByteCount(name);
        if (bytes > GraphLimits.MaxNameBytes)
            _sink.Error(SemanticDiagnosticCodes.NameTooLong, span, $"{what} is {bytes} bytes long in UTF-8; a graph holds names of at most {GraphLimits.MaxNameBytes} bytes");
    }

    // One more tool than a graph may hold is reported once, at the first tool past the limit.
    private bool HasRoomForTool(TextSpan span)
    {
        if (_tools.Count < GraphLimits.MaxTools)
            return true;
        if (!_reportedTooManyTools)
            _sink.Error(SemanticDiagnosticCodes.TooManyTools, span, $"a trajectory declares at most {GraphLimits.MaxTools} tools, the most a graph may hold; this is one more");
        _reportedTooManyTools = true;
        return false;
    }

    // The distinct labels in declaration order (host tools first), each name checked once, and the first
    // label past the limit reported where it is written.
    private HashSet<string> CollectLabels()
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var reported = false;
        void Add(string label, TextSpan span)
        {
            if (!labels.Add(label))
                return;
            CheckNameLength(label, span, $"label '{Truncated(label)}'");
            if (labels.Count > GraphLimits.MaxLabels && !reported)
            {
                _sink.Error(SemanticDiagnosticCodes.TooManyLabels, span, $"the tools of a trajectory carry at most {GraphLimits.MaxLabels} distinct labels, the most a graph may hold; this is one more");
                reported = true;
            }
        }
        foreach (var host in _hostTools)
        {
            foreach (var label in host.Labels)
                Add(label, _syntax.Name.Span);
        }
        foreach (var statement in _syntax.Statements)
        {
            if (statement is not ToolStatementSyntax tool)
                continue;
            foreach (var effect in tool.Effects)
            {
                if (effect is SensitiveEffectSyntax sensitive)
                {
                    foreach (var label in sensitive.Labels)
                        Add(label.Value, label.Span);
                }
            }
        }
        return labels;
    }

    private static string Truncated(string name) => name.Length <= 40 ? name : name.Substring(0, 40) + "...";

    private void DeclareHostTool(HostTool host)
    {
        if (host.Name == "_" || _tools.ContainsKey(host.Name))
        {
            // The host (the generator) reports these at the C# declaration; here they only must not bind.
            _sink.Error(host.Name == "_" ? SemanticDiagnosticCodes.ReservedToolName : SemanticDiagnosticCodes.DuplicateTool, _syntax.Name.Span,
                host.Name == "_" ? "no tool may be named '_': it is the wildcard" : $"tool '{host.Name}' is declared twice outside the policy");
            return;
        }
        CheckNameLength(host.Name, _syntax.Name.Span, $"tool '{Truncated(host.Name)}'");
        if (!HasRoomForTool(_syntax.Name.Span))
            return;
        var tool = new DeclaredTool(host.Name, statement: null, host)
        {
            Effects = host.Effects,
            Origin = host.Origin,
            HasExplicitOrigin = host.Origin != Trust.ToolOutput,
            ExplicitFloor = host.Floor,
        };
        tool.Labels.AddRange(host.Labels);
        _tools.Add(host.Name, tool);
    }

    private void DeclareTool(ToolStatementSyntax statement)
    {
        var name = statement.Name;
        if (name.Value == "_")
        {
            _sink.Error(SemanticDiagnosticCodes.ReservedToolName, name.Span, "no tool may be named '_': it is the wildcard");
            return;
        }
        var tool = new DeclaredTool(name.Value, statement, host: null);
        BindEffects(tool, statement);
        if (_tools.TryGetValue(name.Value, out var existing))
        {
            if (existing.Host is null || existing.Statement is not null)
                _sink.Error(SemanticDiagnosticCodes.DuplicateTool, name.Span, $"tool '{name.Value}' is already declared");
            else
                ConfirmHostTool(existing, tool, statement);
            return;
        }
        CheckNameLength(name.Value, name.Span, $"tool '{Truncated(name.Value)}'");
        if (!HasRoomForTool(name.Span))
            return;
        _tools.Add(name.Value, tool);
    }

    // A tool line for a tool the attributes declare must state exactly the attributes' effects: a
    // policy that silently disagreed with the code would seal a graph nobody reviewed.
    private void ConfirmHostTool(DeclaredTool host, DeclaredTool line, ToolStatementSyntax statement)
    {
        var hostLabels = host.Labels.OrderBy(l => l, StringComparer.Ordinal);
        var lineLabels = line.Labels.OrderBy(l => l, StringComparer.Ordinal).ToList();
        if (host.Effects != line.Effects || host.Origin != line.Origin || !hostLabels.SequenceEqual(lineLabels, StringComparer.Ordinal))
        {
            _sink.Error(SemanticDiagnosticCodes.ContradictsHostDeclaration, statement.Name.Span,
                $"tool '{host.Name}' is declared by attributes with {EffectText.Describe(host.Effects, host.Labels, host.Origin)}, " +
                $"but this line says {EffectText.Describe(line.Effects, line.Labels, line.Origin)}");
        }
        host.Statement = statement;
    }

    private void BindEffects(DeclaredTool tool, ToolStatementSyntax statement)
    {
        var name = statement.Name;
        foreach (var effect in statement.Effects)
        {
            var flag = EffectFlag(effect);
            var duplicate = effect is OriginEffectSyntax ? tool.HasExplicitOrigin : (tool.Effects & flag) != 0;
            if (duplicate)
            {
                _sink.Error(SemanticDiagnosticCodes.DuplicateEffect, effect.Span, $"tool '{name.Value}' already has the effect {EffectName(effect)}");
                continue;
            }
            tool.Effects |= flag;
            switch (effect)
            {
                case SensitiveEffectSyntax sensitive:
                    // A set, not a scan of the list: a tool may carry tens of thousands of labels.
                    var seen = new HashSet<string>(tool.Labels, StringComparer.Ordinal);
                    foreach (var label in sensitive.Labels)
                    {
                        if (seen.Add(label.Value))
                            tool.Labels.Add(label.Value);
                        else
                            _sink.Error(SemanticDiagnosticCodes.DuplicateEffect, label.Span, $"tool '{name.Value}' lists label '{label.Value}' twice");
                    }
                    break;
                case OriginEffectSyntax origin:
                    tool.Origin = origin.Level.Value;
                    tool.HasExplicitOrigin = true;
                    break;
            }
        }
    }

    private static ToolEffects EffectFlag(EffectSyntax effect) => effect switch
    {
        SensitiveEffectSyntax => ToolEffects.Sensitive,
        OriginEffectSyntax => ToolEffects.None, // origin is a trust level, not a flag
        SinkEffectSyntax { Kind: SinkEffectKind.External } => ToolEffects.ExternalSink,
        SinkEffectSyntax => ToolEffects.ControlSink,
        ShellEffectSyntax => ToolEffects.Shell,
        EgressEffectSyntax => ToolEffects.Egress,
        _ => throw new InvalidOperationException("Unexpected effect " + effect.GetType().Name),
    };

    private static string EffectName(EffectSyntax effect) => effect switch
    {
        SensitiveEffectSyntax => "sensitive(...)",
        OriginEffectSyntax => "origin(...)",
        SinkEffectSyntax { Kind: SinkEffectKind.External } => "sink(external)",
        SinkEffectSyntax => "sink(control)",
        ShellEffectSyntax => "shell",
        _ => "egress",
    };

    private DeclaredTool? Resolve(NameSyntax name, string role)
    {
        if (_tools.TryGetValue(name.Value, out var tool))
            return tool;
        _sink.Error(SemanticDiagnosticCodes.UnknownTool, name.Span, $"{role} names '{name.Value}', which is not a declared tool");
        return null;
    }

    private void BindFlow(FlowStatementSyntax flow, HashSet<string> labels)
    {
        var label = flow.Label.Value;
        var labelKnown = labels.Contains(label);
        if (!labelKnown)
            _sink.Error(SemanticDiagnosticCodes.UnknownLabel, flow.Label.Span, $"the flow names label '{label}', which no tool of the trajectory declares as sensitive");

        if (!_flows.TryGetValue(label, out var targets))
            _flows[label] = targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in flow.Tools)
        {
            var tool = Resolve(target, "the flow");
            if (tool is null)
                continue;
            if ((tool.Effects & (ToolEffects.ExternalSink | ToolEffects.Egress)) == 0)
            {
                _sink.Error(SemanticDiagnosticCodes.FlowTargetNotRestricted, target.Span,
                    $"a flow may only name a sink(external) or egress tool, and '{target.Value}' is neither: data may reach it anyway");
                continue;
            }
            if (!targets.Add(target.Value))
                _sink.Error(SemanticDiagnosticCodes.DuplicateFlow, target.Span, $"the flow {label} -> {target.Value} is already stated");
        }
    }

    private void BindFloor(FloorStatementSyntax floor)
    {
        if (floor.Tools is null)
        {
            if (_defaultFloor.HasValue)
                _sink.Error(SemanticDiagnosticCodes.DuplicateDefaultFloor, floor.Span, "the default floor of control sinks is already set");
            else
                _defaultFloor = floor.Level.Value;
            return;
        }
        foreach (var name in floor.Tools)
        {
            var tool = Resolve(name, "the floor");
            if (tool is null)
                continue;
            if (tool.ExplicitFloor.HasValue && tool.Host?.Floor is { } hostFloor && !tool.HasFloorStatement)
            {
                if (hostFloor != floor.Level.Value)
                    _sink.Error(SemanticDiagnosticCodes.ContradictsHostDeclaration, name.Span,
                        $"tool '{name.Value}' has the floor {hostFloor} from its attributes, but this statement says {floor.Level.Value}");
                tool.HasFloorStatement = true;
            }
            else if (tool.ExplicitFloor.HasValue)
            {
                _sink.Error(SemanticDiagnosticCodes.DuplicateToolFloor, name.Span, $"tool '{name.Value}' already has a floor");
            }
            else
            {
                tool.ExplicitFloor = floor.Level.Value;
                tool.HasFloorStatement = true;
            }
        }
    }

    private void BindAuthorize(AuthorizeStatementSyntax authorize)
    {
        foreach (var name in authorize.Tools)
        {
            var tool = Resolve(name, "the authorization");
            if (tool is null)
                continue;
            if (tool.Authorization.HasValue)
                _sink.Error(SemanticDiagnosticCodes.DuplicateAuthorize, name.Span, $"tool '{name.Value}' already has an authorize statement");
            else
                tool.Authorization = (authorize.Level.Value, name);
        }
    }

    private void BindPin(PinStatementSyntax pin)
    {
        if (!ToolPin.TryParse(pin.Hash.Value, out var hash))
            _sink.Error(SemanticDiagnosticCodes.MalformedPin, pin.Hash.Span,
                $"expected the pinned definition's hash as \"{ToolPin.TextPrefix}\" followed by 64 lowercase hex digits, found '{pin.Hash.Value}'");
        if (Resolve(pin.Tool, "the pin") is null || hash is null)
            return;
        if (_pins.ContainsKey(pin.Tool.Value))
            _sink.Error(SemanticDiagnosticCodes.DuplicatePin, pin.Tool.Span, $"tool '{pin.Tool.Value}' already has a pin");
        else
            _pins.Add(pin.Tool.Value, hash);
    }

    private Trust? FloorOf(DeclaredTool tool) =>
        tool.ExplicitFloor ?? ((tool.Effects & ToolEffects.ControlSink) != 0 ? _defaultFloor ?? Trust.External : null);

    private void ReportUnreachableTools(DeclaredTool[] tools, PlanDfa dfa)
    {
        if (_plans.Count == 0)
            return;
        var used = new bool[tools.Length];
        foreach (var tool in dfa.TransitionTool)
            used[tool] = true;
        for (var i = 0; i < tools.Length; i++)
        {
            // A tool known only from attributes has no line to point at; the generator reports it at the method.
            if (!used[i] && tools[i].Statement is { } statement)
                _sink.Warning(SemanticDiagnosticCodes.UnreachableTool, statement.Name.Span,
                    $"tool '{tools[i].Name}' occurs in no plan, so every call of it will be refused");
        }
    }

    private CompiledGraph BuildGraph(DeclaredTool[] tools, PlanDfa dfa)
    {
        var labels = tools.SelectMany(t => t.Labels).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToArray();
        var labelIndex = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
            labelIndex.Add(labels[i], i);

        var graphTools = new GraphTool[tools.Length];
        var toolIndex = new Dictionary<string, int>(tools.Length, StringComparer.Ordinal);
        for (var i = 0; i < tools.Length; i++)
        {
            var tool = tools[i];
            toolIndex.Add(tool.Name, i);
            var floor = FloorOf(tool);
            var authorizer = Trust.TrustedUser;
            if (tool.Authorization is { } authorization)
            {
                if (floor.HasValue)
                    authorizer = authorization.Level;
                else
                    _sink.Warning(SemanticDiagnosticCodes.AuthorizeWithoutFloor, authorization.Site.Span,
                        $"tool '{tool.Name}' has no floor, so every authorization of it will be rejected");
            }
            var toolLabels = tool.Labels.Select(l => labelIndex[l]).OrderBy(l => l).ToArray();
            graphTools[i] = new GraphTool(tool.Name, tool.Effects, toolLabels, tool.Origin, floor, authorizer);
        }

        var flows = new int[labels.Length][];
        for (var i = 0; i < labels.Length; i++)
        {
            flows[i] = _flows.TryGetValue(labels[i], out var targets)
                ? targets.Select(t => toolIndex[t]).OrderBy(t => t).ToArray()
                : Array.Empty<int>();
        }

        var pins = new List<ToolPin>(_pins.Count);
        for (var i = 0; i < graphTools.Length; i++)
        {
            if (_pins.TryGetValue(graphTools[i].Name, out var hash))
                pins.Add(new ToolPin(i, graphTools[i].Name, hash));
        }

        return new CompiledGraph(_syntax.Name.Value, graphTools, labels, flows, _budget,
            dfa.Accepting, dfa.TransitionStart, dfa.TransitionTool, dfa.TransitionTarget, pins.ToArray());
    }
}
