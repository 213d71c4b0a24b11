using Trajeckt.Traj.Graph;

namespace Trajeckt.Generators.Model;

/// <summary>
/// A [Tool] method as the graph needs it: its name and effects, how a function is made of it, plus what was
/// wrong with its attributes.
/// </summary>
internal sealed record ToolSpec(
    string ToolName,
    string MethodDisplay,
    ToolFunctionSpec Function,
    ToolEffects Effects,
    EquatableArray<string> Labels,
    Trust Origin,
    Trust? Floor,
    LocationInfo? Location,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool IsValid => Diagnostics.Count == 0;
}
