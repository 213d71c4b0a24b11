using System.Collections.Frozen;
using Trajeckt.Traj.Graph;

namespace Trajeckt.Enforcement;

/// <summary>
/// Heuristic mode (docs/semantics.md): no graph, tools classified by their effects alone. Refuses an
/// external sink after an allowed sensitive read and egress after an allowed shell command, at any
/// distance; allows everything else, unclassified tools included.
/// </summary>
internal sealed class HeuristicEnforcer : SessionEnforcer
{
    private readonly FrozenDictionary<string, ToolEffects> _effects;
    private string? _sensitiveTool;
    private long _sensitiveStep;
    private string? _shellTool;
    private long _shellStep;

    public HeuristicEnforcer(FrozenDictionary<string, ToolEffects> effects)
        : base(DecisionReason.None)
    {
        _effects = effects;
    }

    public override string Mode => $"heuristic mode with {_effects.Count} classified tools";

    public override DecisionReason Decide(string? name, int indexHint, long step, out int toolIndex, out string? toolName)
    {
        toolIndex = -1;
        toolName = name;
        if (name is null)
            return DecisionReason.UnknownTool;
        var effects = _effects.GetValueOrDefault(name);
        if ((effects & ToolEffects.ExternalSink) != 0 && _sensitiveTool is not null)
            return DecisionReason.Heuristic;
        if ((effects & ToolEffects.Egress) != 0 && _shellTool is not null)
            return DecisionReason.Heuristic;

        // The first allowed read is the one a refusal names; later ones change no decision.
        if ((effects & ToolEffects.Sensitive) != 0 && _sensitiveTool is null)
        {
            _sensitiveTool = name;
            _sensitiveStep = step;
        }
        if ((effects & ToolEffects.Shell) != 0 && _shellTool is null)
        {
            _shellTool = name;
            _shellStep = step;
        }
        return DecisionReason.None;
    }

    public override string DescribeRefusal(DecisionReason reason, string? name, int toolIndex, long step)
    {
        if (reason == DecisionReason.UnknownTool)
            return $"unknown_tool: a call without a tool name is refused at step {step}.";
        var effects = _effects.GetValueOrDefault(name!);
        return (effects & ToolEffects.ExternalSink) != 0 && _sensitiveTool is not null
            ? $"heuristic: external sink {name} may not run after the sensitive read {_sensitiveTool} at step {_sensitiveStep} (ReadSensitive -> ExternalWrite)"
            : $"heuristic: egress tool {name} may not run after the shell command {_shellTool} at step {_shellStep} (ShellExec -> NetworkEgress)";
    }

    public override void ApplyReported(string? toolName, long step, Trust? origin, IReadOnlyList<string>? labels)
    {
        // Heuristic mode classifies tools by their declared effects only; reported output changes no decision.
    }

    public override void AssumeWorstOutput(string? toolName, long step)
    {
    }

    public override bool Authorize(string? tool, Trust by, out string? toolName, out string message)
    {
        toolName = tool;
        message = $"authorization rejected: heuristic mode has no floors, so {Describe(tool)} has nothing to authorize.";
        return false;
    }

    public override void ObserveInput(Trust trust, long step)
    {
    }
}
