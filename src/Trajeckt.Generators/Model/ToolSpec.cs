using Trajeckt.Traj;
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
    /// <summary>
    /// The declaration at the top of the tool's overrides and implementations (this one's <see cref="MethodDisplay"/> when
    /// it overrides or implements no tool): the [Tool] methods of one dispatch family are one tool of the graph.
    /// </summary>
    public string Root { get; init; } = MethodDisplay;

    public bool IsValid => Diagnostics.Count == 0;

    /// <summary>The canonical text of the tool's effects, which every interceptor of it carries (see <see cref="ToolIdentity"/>).</summary>
    public string Identity => ToolIdentity.Describe(Effects, Labels, Origin);
}
