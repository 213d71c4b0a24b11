using System.Diagnostics.CodeAnalysis;
using Trajeckt.Traj;

namespace Trajeckt.Gateway.Commitments;

/// <summary>
/// Reads an operator's override (<c>Gateway:Tools:NAME</c>) in Traj's effect spelling, e.g.
/// <c>sensitive(customer-pii), origin(CleanWorkspace)</c>, through the one Traj compiler: the text is
/// compiled as the effects of a single tool line, so it means exactly what it means in a policy.
/// <c>none</c> (or an empty value, which some configuration sources drop) declares no effect.
/// </summary>
internal static class EffectOverride
{
    private const string Prefix = "trajectory o {\n  tool t";

    public static bool TryParse(string toolName, string? effects, [NotNullWhen(true)] out HostTool? tool, [NotNullWhen(false)] out string? error)
    {
        tool = null;
        effects = effects?.Trim() ?? string.Empty;
        if (effects == "none")
            effects = string.Empty;
        // Only effects: anything that could end the tool line would let a setting add statements.
        if (effects.IndexOfAny(new[] { ';', '{', '}', '\r', '\n' }) >= 0)
        {
            error = $"Gateway:Tools:{toolName}: '{effects}' must be a list of effects such as 'sensitive(customer-pii), sink(external)', without ';', braces or line breaks.";
            return false;
        }
        var text = Prefix + (effects.Length == 0 ? string.Empty : " : " + effects) + ";\n}\n";
        var compilation = TrajCompiler.Compile(text, $"Gateway:Tools:{toolName}");
        if (!compilation.Success || compilation.Trajectories.Count != 1 || compilation.Trajectories[0].Graph.Tools.Count != 1)
        {
            var first = compilation.Diagnostics.FirstOrDefault(d => d.IsError);
            var column = first is null ? 0 : Math.Max(1, first.Location.Start - Prefix.Length - 3 + 1);
            error = first is null
                ? $"Gateway:Tools:{toolName}: '{effects}' is not a list of effects."
                : $"Gateway:Tools:{toolName}: '{effects}' at column {column}: {first.Code} {first.Message}";
            return false;
        }
        var graph = compilation.Trajectories[0].Graph;
        var compiled = graph.Tools[0];
        tool = new HostTool(toolName, compiled.Effects, compiled.LabelIndices.Select(i => graph.Labels[i]).ToArray(), compiled.Origin);
        error = null;
        return true;
    }
}
